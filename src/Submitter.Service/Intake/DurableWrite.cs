using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Submitter.Intake;

/// <summary>
/// A write that must not be given up while the process lives (the record of a paid acceptance): tried again with
/// backoff through database outages, while the command stays unacknowledged.
/// </summary>
public static class DurableWrite
{
    // Short waits: until the write lands, the provider's answer lives only in this process, so a kill soon after the
    // database returns would lose it (the crash test kills 2 s after PostgreSQL is back). One write a second is cheap.
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    public static async Task<T> UntilDoneAsync<T>(
        Func<CancellationToken, Task<T>> write, string what, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var wait = FirstWait;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write(ct);
            }
            catch (Exception e) when (TransientFaults.IsTransient(e) && !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not {What} (attempt {Attempt}); trying again in {Wait}", what, attempt, wait);
                await Task.Delay(wait, time, ct);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
            }
        }
    }
}
