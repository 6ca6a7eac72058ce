using Microsoft.Extensions.Logging;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// The loop of a background housekeeping job: do the work, wait a period, again, until the host stops. A failed
/// round (database restarting, broker away) is logged and simply tried again next period.
/// </summary>
public static class PeriodicWork
{
    public static async Task RunAsync(
        string what, TimeSpan period, Func<CancellationToken, Task> work, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{What} failed; trying again in {Period}", what, period);
            }
            await Task.Delay(period, stoppingToken);
        }
    }
}
