using VideoPlatform.Contracts;

namespace VideoPlatform.Providers;

/// <summary>A provider's answer to "where is this task?", in the platform's terms.</summary>
public sealed record ProviderTaskStatus
{
    public required ProviderTaskState State { get; init; }

    /// <summary>The provider's own status string, kept for logs and for statuses we do not know yet.</summary>
    public string? RawStatus { get; init; }

    public int? ProgressPercent { get; init; }

    /// <summary>Seconds the provider expects the task still needs, when it says (MyRouter <c>eta</c>).</summary>
    public int? EtaSeconds { get; init; }

    /// <summary>The provider's estimate of the whole generation, from submit (EvoLink <c>estimated_time</c>).</summary>
    public int? EstimatedTotalSeconds { get; init; }

    public IReadOnlyList<VideoResult> Videos { get; init; } = [];

    public string? FailureCode { get; init; }
    public string? FailureMessage { get; init; }

    /// <summary>
    /// For a failed task, whose side the provider's failure code puts the fault on: true for its own (an outage, a
    /// timeout: the same request may succeed later or elsewhere), false for the request's (a policy refusal, a bad
    /// image: it would fail anywhere), null when the provider does not say or the code is not documented.
    /// </summary>
    public bool? ServerSideFailure { get; init; }

    /// <summary>Credits the provider says it holds for the task, when it says (EvoLink <c>usage.credits_reserved</c>).</summary>
    public double? CreditsReserved { get; init; }

    /// <summary>Whether the provider says the task can still be cancelled, when it says (EvoLink <c>task_info.can_cancel</c>).</summary>
    public bool? CanCancel { get; init; }

    /// <summary>How long the provider asked us to wait before asking again (429 / Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ProviderTaskStatus Unreachable(string why, TimeSpan? retryAfter = null) =>
        new() { State = ProviderTaskState.Unreachable, FailureMessage = why, RetryAfter = retryAfter };
}

public enum ProviderTaskState
{
    Pending,
    Processing,
    Succeeded,
    Failed,

    /// <summary>A status string we do not know: treated as still running until the deadline.</summary>
    Unknown,

    /// <summary>The provider answered 404: can be eventual consistency right after submit, terminal only when repeated.</summary>
    NotFound,

    /// <summary>No usable answer this time (timeout, 429, 5xx, malformed body): ask again later.</summary>
    Unreachable,
}
