using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// To the saga: time to decide about the task. Sent by the due-check loop when a task comes due past its deadline (the
/// saga ends it as timed out); before the deadline the saga asks the provider at once.
/// </summary>
public record RecheckDue
{
    public required Guid RequestId { get; init; }
}

/// <summary>The saga asks the status checker to query the provider (HTTP stays outside the saga's lock).</summary>
public record CheckTaskStatus
{
    public required Guid RequestId { get; init; }
    public required string Provider { get; init; }
    public required string Model { get; init; }
    public required string ProviderTaskId { get; init; }

    /// <summary>When the task is expected to be done: under a rate limit, checks whose task is most likely done go first.</summary>
    public DateTimeOffset? LikelyDoneAt { get; init; }

    /// <summary>After this the saga has asked again (its safety-net recheck), so a check still waiting for its turn is dropped.</summary>
    public DateTimeOffset? NotAfter { get; init; }
}

/// <summary>What the provider said about a task, in the platform's terms.</summary>
public record TaskStatusObserved
{
    public required Guid RequestId { get; init; }

    /// <summary>
    /// The provider task asked about. After a reroute the request has another task, and a check of the failed one still
    /// under way must not decide it. Null (from a checker that did not say) is taken as the current task.
    /// </summary>
    public string? ProviderTaskId { get; init; }
    public required ProviderTaskState State { get; init; }
    public string? RawStatus { get; init; }
    public int? ProgressPercent { get; init; }
    public int? EtaSeconds { get; init; }
    public int? EstimatedTotalSeconds { get; init; }
    public IReadOnlyList<VideoResult> Videos { get; init; } = [];
    public string? FailureCode { get; init; }
    public string? FailureMessage { get; init; }

    /// <summary>For a failure: true when the provider says it was its own fault (it may go through elsewhere), false when the request's; null when unsaid.</summary>
    public bool? ServerSideFailure { get; init; }
    public double? RetryAfterSeconds { get; init; }
    public double? ProviderCredits { get; init; }
    public bool? CanCancel { get; init; }
    public required DateTimeOffset ObservedAt { get; init; }
}

/// <summary>A provider called back about this request: check with its status API now instead of at the next recheck.</summary>
public record ProviderCallbackReceived
{
    public required Guid RequestId { get; init; }

    /// <summary>The provider named in the callback URL; a call naming another provider than the task's is ignored.</summary>
    public required string Provider { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
