namespace VideoPlatform.Cli.Tests;

/// <summary>Poller answers as <c>watch</c> sees them, one per stage of a request.</summary>
internal static class Statuses
{
    public static readonly Guid RequestId = Guid.Parse("0d4b3a52-8f0e-4a53-9d8e-7c3f1f6b2a10");

    public static VideoTaskStatus Of(string state, int? progress = null) => new()
    {
        RequestId = RequestId,
        Found = state != VideoTaskStates.NotFound,
        State = state,
        Provider = state == VideoTaskStates.NotFound ? null : "evolink",
        Model = state == VideoTaskStates.NotFound ? null : "kling-v3-image-to-video",
        ProgressPercent = progress,
    };

    public static VideoTaskStatus Archived(params string[] paths) => Of(VideoTaskStates.Completed, 100) with
    {
        ArchivedVideos = paths.Select(path => new ArchivedVideo
        {
            Path = path,
            SizeBytes = 1024,
            Sha256 = new string('a', 64),
            SourceUrl = "https://example.com/video.mp4",
        }).ToList(),
    };

    public static VideoTaskStatus ArchiveFailed() => Of(VideoTaskStates.Completed, 100) with
    {
        ArchiveFailureCode = ArchiveFailureReasons.LinkExpired,
        ArchiveFailureReason = "the link answered 403",
    };
}
