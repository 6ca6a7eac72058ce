namespace VideoPlatform.Cli.Tests;

/// <summary>The events a load run receives for one request, with the times the platform put in them.</summary>
internal static class LoadEvents
{
    public static TaskSubmitted Submitted(Guid requestId) => new()
    {
        RequestId = requestId,
        Provider = "evolink",
        Model = "kling-v3-image-to-video",
        ProviderTaskId = "task-1",
        SubmittedAt = DateTimeOffset.UtcNow,
    };

    public static TaskCompleted Completed(Guid requestId, DateTimeOffset completedAt) => new()
    {
        RequestId = requestId,
        Provider = "evolink",
        Model = "kling-v3-image-to-video",
        ProviderTaskId = "task-1",
        Videos = [new VideoResult { Url = "https://example.com/video.mp4" }],
        CompletedAt = completedAt,
    };

    public static VideoArchived Archived(Guid requestId) => new()
    {
        RequestId = requestId,
        Provider = "evolink",
        Model = "kling-v3-image-to-video",
        ProviderTaskId = "task-1",
        Videos = [],
        ArchivedAt = DateTimeOffset.UtcNow,
    };

    public static TaskFailed Failed(Guid requestId) => new()
    {
        RequestId = requestId,
        ReasonCode = FailureReasons.ProviderFailed,
        Reason = "the provider gave up",
        FailedAt = DateTimeOffset.UtcNow,
    };
}
