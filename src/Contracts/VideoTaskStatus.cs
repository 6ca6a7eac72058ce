namespace VideoPlatform.Contracts;

/// <summary>Response to <see cref="GetVideoTaskStatus"/>: the platform's view of one request at the provider.</summary>
public record VideoTaskStatus
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>Whether the poller tracks this request (false before the provider accepted it, or for an unknown id).</summary>
    public required bool Found { get; init; }

    /// <summary>A value from <see cref="VideoTaskStates"/>.</summary>
    public required string State { get; init; }

    /// <summary>The provider that accepted the task.</summary>
    public string? Provider { get; init; }

    /// <summary>The provider's model name.</summary>
    public string? Model { get; init; }

    /// <summary>The provider's own task id.</summary>
    public string? ProviderTaskId { get; init; }

    /// <summary>The provider's last reported progress, when it reports one.</summary>
    public int? ProgressPercent { get; init; }

    /// <summary>When the provider accepted the task.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When the task reached a terminal state.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>A code from <see cref="FailureReasons"/> when failed.</summary>
    public string? FailureCode { get; init; }

    /// <summary>What happened, in words, when failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The result videos at the provider once completed.</summary>
    public IReadOnlyList<VideoResult> Videos { get; init; } = [];

    /// <summary>Where the archiver stored the videos, once <see cref="VideoArchived"/> was seen; empty before.</summary>
    public IReadOnlyList<ArchivedVideo> ArchivedVideos { get; init; } = [];

    /// <summary>A code from <see cref="ArchiveFailureReasons"/> when the archiver gave up on this request.</summary>
    public string? ArchiveFailureCode { get; init; }

    /// <summary>Why the archiver gave up, in words.</summary>
    public string? ArchiveFailureReason { get; init; }

    /// <summary>
    /// Credits the provider says it holds or charged for the task (EvoLink <c>usage.credits_reserved</c>), in its own
    /// unit; null when the provider does not say. What it bills is the provider's to tell; this is what it said.
    /// </summary>
    public double? ProviderCredits { get; init; }

    /// <summary>Whether the provider says the task can still be cancelled on its side (EvoLink <c>task_info.can_cancel</c>); null when it does not say.</summary>
    public bool? ProviderCanCancel { get; init; }

    /// <summary>Who the request is for (see <see cref="GenerateVideo.Caller"/>).</summary>
    public string? Caller { get; init; }

    /// <summary>
    /// What the request is estimated to cost, from the platform's price table (the operator's copy of the provider's
    /// published prices) and the request's duration and resolution; null when the model has no price there.
    /// The provider's own bill is the truth.
    /// </summary>
    public double? EstimatedCost { get; init; }

    /// <summary>The currency of <see cref="EstimatedCost"/> (ISO 4217, e.g. <c>USD</c>).</summary>
    public string? Currency { get; init; }

    /// <summary>When the request began waiting for a provider slot (<see cref="TaskQueued"/>); null when it never had to.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>
    /// While <see cref="State"/> is <c>queued</c>: its place in the provider's line (0: next) as last told by
    /// <see cref="TaskQueued"/>; it only moves forward since. Null otherwise.
    /// </summary>
    public int? QueuePosition { get; init; }
}
