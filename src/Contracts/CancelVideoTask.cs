namespace VideoPlatform.Contracts;

/// <summary>
/// Request: stop following this request. Answered with <see cref="CancelVideoTaskResult"/>; when it was still open,
/// <see cref="TaskCanceled"/> is published too.
/// </summary>
public record CancelVideoTask
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }
}
