using System.Diagnostics;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>
/// Asks for a request's status every interval until <see cref="WatchDecision"/> says it is over, the timeout
/// passes or the user presses Ctrl+C. The question is a delegate, so the loop runs in tests without a bus.
/// </summary>
internal static class WatchLoop
{
    /// <param name="ask">One status question; null when the poller did not answer in time.</param>
    public static async Task<int> RunAsync(
        Func<CancellationToken, Task<VideoTaskStatus?>> ask, WatchSettings settings, WatchDisplay display, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(settings.Timeout);
        var clock = Stopwatch.StartNew();
        TimeSpan? notFoundSince = null;
        try
        {
            while (true)
            {
                var status = await ask(deadline.Token);
                var now = clock.Elapsed;
                if (status is null)
                    display.NoAnswer(now, "error: no answer from the poller; asking again until the timeout");
                else
                {
                    notFoundSince = status.State == VideoTaskStates.NotFound ? notFoundSince ?? now : null;
                    var outcome = WatchDecision.Decide(status, now - (notFoundSince ?? now), settings.NotFoundGrace);
                    if (outcome.Finished)
                    {
                        display.Update(status, now, null);
                        display.Finish(outcome);
                        return outcome.ExitCode;
                    }
                    display.Update(status, now, outcome.Message);
                }
                await Task.Delay(settings.Interval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            display.Stop("stopped watching; the request itself goes on");
            return ExitCodes.Interrupted;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            display.Stop($"error: the request did not finish within {settings.Timeout.TotalSeconds:0} s");
            return ExitCodes.TimedOut;
        }
    }
}
