using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Storage;
using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Archiver;

/// <summary>
/// Archives every result video of a completed task, then announces them together. A redelivered
/// <see cref="TaskCompleted"/> finds the videos already stored and announces them again without downloading.
/// </summary>
public sealed class TaskCompletedConsumer(
    IVideoStorage storage,
    VideoDownloader downloader,
    IOptions<ArchiveOptions> options,
    ILogger<TaskCompletedConsumer> logger) : IConsumer<TaskCompleted>
{
    /// <summary>Below this much link lifetime left, a late archive is an operator's problem right now.</summary>
    private static readonly TimeSpan ExpiryAlarm = TimeSpan.FromHours(1);

    public async Task Consume(ConsumeContext<TaskCompleted> context)
    {
        var task = context.Message;
        Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, task.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, task.Provider)
            .SetTag(PlatformTelemetry.Tags.ProviderTaskId, task.ProviderTaskId);

        var archived = new List<ArchivedVideo>();
        for (var index = 0; index < task.Videos.Count; index++)
        {
            var video = task.Videos[index];
            var stored = storage.Find(task.RequestId, task.CompletedAt, index);
            if (stored is null)
            {
                try
                {
                    stored = await ArchiveAsync(task, index, video, context.CancellationToken);
                }
                catch (ArchiveException e)
                {
                    logger.LogError("Could not archive video {Index} of {RequestId} from {Provider}: {Reason}", index, task.RequestId, task.Provider, e.Message);
                    await context.Publish(new ArchiveFailed
                    {
                        RequestId = task.RequestId,
                        Provider = task.Provider,
                        ProviderTaskId = task.ProviderTaskId,
                        SourceUrl = video.Url,
                        Reason = e.Message,
                        FailedAt = DateTimeOffset.UtcNow,
                    });
                    return;
                }
            }
            archived.Add(new ArchivedVideo { Path = stored.Path, SizeBytes = stored.Sidecar.SizeBytes, Sha256 = stored.Sidecar.Sha256, SourceUrl = video.Url });
        }

        await context.Publish(new VideoArchived
        {
            RequestId = task.RequestId,
            Provider = task.Provider,
            Model = task.Model,
            ProviderTaskId = task.ProviderTaskId,
            Videos = archived,
            ArchivedAt = DateTimeOffset.UtcNow,
        });
        logger.LogInformation("Archived {Count} video(s) of {RequestId}: {Paths}", archived.Count, task.RequestId, string.Join(", ", archived.Select(a => a.Path)));
    }

    private async Task<StoredVideo> ArchiveAsync(TaskCompleted task, int index, VideoResult video, CancellationToken ct)
    {
        if (!Uri.TryCreate(video.Url, UriKind.Absolute, out var source) || source.Scheme is not ("http" or "https"))
            throw new ArchiveException($"'{video.Url}' is not an http(s) URL", transient: false);
        if (video.ExpiresAt is { } expiresAt && expiresAt - DateTimeOffset.UtcNow < ExpiryAlarm)
            logger.LogError("Link for {RequestId} expires at {ExpiresAt:O}, in under {Alarm}: archiving now", task.RequestId, expiresAt, ExpiryAlarm);

        var attempts = options.Value.Attempts;
        for (var attempt = 1; ; attempt++)
        {
            var temporary = storage.NewTemporaryPath(task.RequestId, index);
            try
            {
                var result = await downloader.DownloadAsync(source, temporary, ct);
                return storage.Commit(temporary, new VideoSidecar
                {
                    RequestId = task.RequestId,
                    Index = index,
                    Provider = task.Provider,
                    Model = task.Model,
                    ProviderTaskId = task.ProviderTaskId,
                    SourceUrl = video.Url,
                    SourceExpiresAt = video.ExpiresAt,
                    SizeBytes = result.SizeBytes,
                    Sha256 = result.Sha256,
                    Format = result.Format,
                    CompletedAt = task.CompletedAt,
                    ArchivedAt = DateTimeOffset.UtcNow,
                    DownloadSeconds = result.Elapsed.TotalSeconds,
                }, result.Format);
            }
            catch (ArchiveException e) when (e.Transient && attempt < attempts)
            {
                logger.LogWarning("Attempt {Attempt} of {Attempts} to archive {RequestId} failed: {Reason}", attempt, attempts, task.RequestId, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
    }
}
