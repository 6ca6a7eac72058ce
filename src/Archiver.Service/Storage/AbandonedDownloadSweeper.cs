using Microsoft.Extensions.Options;

namespace VideoPlatform.Archiver.Storage;

/// <summary>
/// Deletes the temporary files of downloads that can no longer be running: a killed archiver leaves its partial
/// video behind for the next delivery to resume, and when none comes (the request was failed, or its message is
/// gone) nothing else ever removes it. A live
/// download ends within <see cref="ArchiveOptions.DownloadTimeoutSeconds"/> of its start and writes to its file all
/// along, so a file untouched for longer than that (plus a minute's slack) belongs to nobody, whichever instance
/// made it. The same goes for the claim files of requests no delivery has claimed for as long (see
/// <see cref="RequestClaim"/>). Runs at start and then once per timeout.
/// </summary>
public sealed class AbandonedDownloadSweeper(
    IVideoStorage storage, IOptions<ArchiveOptions> options, TimeProvider time, ILogger<AbandonedDownloadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.DownloadTimeoutSeconds);
        using var timer = new PeriodicTimer(timeout + TimeSpan.FromMinutes(1), time);
        do
        {
            Sweep(timeout + TimeSpan.FromMinutes(1));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; a failing disk is logged and tried again next time, never fatal for the service.</summary>
    internal int Sweep(TimeSpan untouchedFor)
    {
        try
        {
            var deleted = storage.DeleteAbandonedTemporaries(time.GetUtcNow() - untouchedFor);
            if (deleted > 0)
                logger.LogInformation("Deleted {Count} partial download(s) untouched for over {Age}", deleted, untouchedFor);
            var claims = storage.DeleteUnusedClaims(time.GetUtcNow() - untouchedFor);
            if (claims > 0)
                logger.LogDebug("Deleted {Count} request claim file(s) unused for over {Age}", claims, untouchedFor);
            return deleted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not sweep partial downloads; trying again in {Age}", untouchedFor);
            return 0;
        }
    }
}
