using System.Diagnostics;
using VideoPlatform.Archiver.Storage;
using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Archiver;

/// <summary>What the archiver records about each video: on the consumer's span and in the metrics.</summary>
internal static class ArchiverTelemetry
{
    public static void Archived(VideoSidecar video)
    {
        Activity.Current?.SetTag(PlatformTelemetry.Tags.Model, video.Model).SetTag(PlatformTelemetry.Tags.Outcome, "archived");
        PlatformMetrics.VideoArchived(video.Provider, video.Model, video.SizeBytes, TimeSpan.FromSeconds(video.DownloadSeconds),
            video.ArchivedAt - video.CompletedAt, video.SourceExpiresAt - video.ArchivedAt);
    }

    public static void Failed(TaskCompleted task, string reasonCode)
    {
        Activity.Current?.SetTag(PlatformTelemetry.Tags.Outcome, "archive_failed").SetTag(PlatformTelemetry.Tags.Reason, reasonCode);
        PlatformMetrics.ArchiveFailed(task.Provider, reasonCode);
    }
}
