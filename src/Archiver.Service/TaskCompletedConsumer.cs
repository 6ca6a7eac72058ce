using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Download;
using VideoPlatform.Archiver.Safety;
using VideoPlatform.Archiver.Storage;
using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Archiver;

/// <summary>
/// Archives every result video of a completed task, then announces them together. A redelivered
/// <see cref="TaskCompleted"/> finds the videos already stored and announces them again without downloading; one
/// arriving while another delivery of the same request is downloading waits for it first (see <see cref="ClaimAsync"/>).
/// </summary>
public sealed class TaskCompletedConsumer(
    IVideoStorage storage,
    VideoDownloader downloader,
    IOptions<ArchiveOptions> options,
    ILogger<TaskCompletedConsumer> logger) : IConsumer<TaskCompleted>
{
    private static readonly TimeSpan ClaimPollInterval = TimeSpan.FromMilliseconds(200);

    public async Task Consume(ConsumeContext<TaskCompleted> context)
    {
        var task = context.Message;
        Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, task.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, task.Provider)
            .SetTag(PlatformTelemetry.Tags.ProviderTaskId, task.ProviderTaskId);

        var cap = options.Value.MaxVideosPerTask;
        if (task.Videos.Count > cap)
        {
            // Refused whole rather than cut to the first few: VideoArchived promises every video of the task.
            await FailAsync(context, cap, new ArchiveException(ArchiveFailureReasons.TooManyVideos,
                $"the task lists {task.Videos.Count} videos, more than the {cap} the archiver accepts per task (Archive:MaxVideosPerTask)"));
            return;
        }

        IDisposable? claim;
        try
        {
            claim = await ClaimAsync(task, context.CancellationToken);
        }
        catch (ArchiveException e)
        {
            await FailAsync(context, 0, e);
            return;
        }
        if (claim is null)
            return;
        using var held = claim;

        var archived = new List<ArchivedVideo>();
        for (var index = 0; index < task.Videos.Count; index++)
        {
            var video = task.Videos[index];
            StoredVideo stored;
            try
            {
                stored = storage.Find(task.RequestId, task.CompletedAt, index) ?? await ArchiveAsync(task, index, video, context.CancellationToken);
            }
            catch (ArchiveException e)
            {
                await FailAsync(context, index, e);
                return;
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

    /// <summary>
    /// Waits until no other delivery of this request, here or in another archiver on the same folder, is archiving it:
    /// a duplicate <see cref="TaskCompleted"/> then finds the videos stored and announces them without a second
    /// download. Null when the other is still at it after the longest its downloads may take: it is alive (a dead
    /// process releases its claim) and its own message, still unacknowledged, will carry the outcome.
    /// </summary>
    private async Task<IDisposable?> ClaimAsync(TaskCompleted task, CancellationToken ct)
    {
        if (TryClaim(task.RequestId) is { } claim)
            return claim;
        var longest = TimeSpan.FromSeconds(options.Value.DownloadTimeoutSeconds * Math.Max(1, task.Videos.Count)) + TimeSpan.FromMinutes(1);
        logger.LogInformation("{RequestId} is being archived by another delivery; waiting for it", task.RequestId);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < longest)
        {
            await Task.Delay(ClaimPollInterval, ct);
            if (TryClaim(task.RequestId) is { } taken)
                return taken;
        }
        logger.LogWarning("{RequestId} is still being archived by another delivery after {Waited}; leaving its outcome to that one",
            task.RequestId, waited.Elapsed);
        return null;
    }

    private async Task<StoredVideo> ArchiveAsync(TaskCompleted task, int index, VideoResult video, CancellationToken ct)
    {
        if (!Uri.TryCreate(video.Url, UriKind.Absolute, out var source))
            throw new ArchiveException(ArchiveFailureReasons.SourceRefused, $"'{video.Url}' is not an absolute URL");
        AlarmIfExpiring(task, video, source);

        var temporary = OnStorage(() => storage.TemporaryPath(task.RequestId, index));
        try
        {
            var result = await downloader.DownloadAsync(source, temporary, ct);
            var stored = OnStorage(() => storage.Commit(temporary, new VideoSidecar
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
                ProviderCredits = task.ProviderCredits,
                Caller = task.Caller,
                EstimatedCost = task.EstimatedCost,
                Currency = task.Currency,
            }, result.Format));
            ArchiverTelemetry.Archived(stored.Sidecar);
            DeleteTemporary(temporary);
            return stored;
        }
        catch (ArchiveException e) when (!e.Transient)
        {
            // The request ends here with ArchiveFailed. Anything else (a canceled delivery above all) is delivered
            // again, and the next delivery resumes the partial file instead of fetching the whole video again.
            DeleteTemporary(temporary);
            throw;
        }
    }

    private IDisposable? TryClaim(Guid requestId)
    {
        try
        {
            return storage.TryClaim(requestId);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            throw StorageFailure.From("could not claim the request in the archive folder", e);
        }
    }

    /// <summary>Runs a step on our own storage; its failure ends the archive as <c>storage_failed</c>, not in a redelivery loop.</summary>
    private static T OnStorage<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            throw StorageFailure.From("could not store the video", e);
        }
    }

    /// <summary>
    /// Best effort: a partial file left behind is the sweeper's, and must not hide why the archive failed. Its resume
    /// state goes with it (after a commit only that is left).
    /// </summary>
    private void DeleteTemporary(string temporary)
    {
        try
        {
            File.Delete(temporary);
            ResumeState.Delete(temporary);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            logger.LogWarning("Could not delete the partial download {Path}: {Reason}", temporary, e.Message);
        }
    }

    private async Task FailAsync(ConsumeContext<TaskCompleted> context, int index, ArchiveException e)
    {
        var task = context.Message;
        ArchiverTelemetry.Failed(task, e.Code);
        logger.LogError("Could not archive video {Index} of {RequestId} from {Provider}: {ReasonCode}: {Reason}",
            index, task.RequestId, task.Provider, e.Code, e.Message);
        await context.Publish(new ArchiveFailed
        {
            RequestId = task.RequestId,
            Provider = task.Provider,
            ProviderTaskId = task.ProviderTaskId,
            SourceUrl = index < task.Videos.Count ? task.Videos[index].Url : "",
            ReasonCode = e.Code,
            Reason = e.Message,
            FailedAt = DateTimeOffset.UtcNow,
        });
    }

    /// <summary>A link about to expire takes a paid-for video with it: worth waking someone before it is too late.</summary>
    private void AlarmIfExpiring(TaskCompleted task, VideoResult video, Uri source)
    {
        var alarm = TimeSpan.FromMinutes(options.Value.ExpiryAlarmMinutes);
        if (video.ExpiresAt is not { } expiresAt || expiresAt - DateTimeOffset.UtcNow >= alarm)
            return;
        logger.LogCritical("Link {Source} of {RequestId} from {Provider} expires at {ExpiresAt:O}, in under {Alarm}: archiving it now",
            SourcePolicy.Describe(source), task.RequestId, task.Provider, expiresAt, alarm);
    }
}
