namespace VideoPlatform.Contracts;

/// <summary>Request: where is this request now? Answered with <see cref="VideoTaskStatus"/>, also for an unknown id.</summary>
public record GetVideoTaskStatus
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }
}
