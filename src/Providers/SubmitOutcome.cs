namespace VideoPlatform.Providers;

/// <summary>What became of one submit call. The kind decides whether a retry can bill twice.</summary>
public sealed record SubmitOutcome
{
    public required SubmitOutcomeKind Kind { get; init; }
    public string? ProviderTaskId { get; init; }
    public int? EstimatedSeconds { get; init; }
    public int? HttpStatus { get; init; }
    public string Message { get; init; } = "";
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// A <see cref="SubmitOutcomeKind.Retryable"/> refusal because the key has its most tasks running (Kling 1303, a 429
    /// that says so): it clears when a task ends, not after a short wait, so the request goes back in line.
    /// </summary>
    public bool AtConcurrencyLimit { get; init; }

    public static SubmitOutcome Accepted(string taskId, int? estimatedSeconds = null) =>
        new() { Kind = SubmitOutcomeKind.Accepted, ProviderTaskId = taskId, EstimatedSeconds = estimatedSeconds, Message = "accepted" };

    public static SubmitOutcome Of(SubmitOutcomeKind kind, string message, int? httpStatus = null, TimeSpan? retryAfter = null) =>
        new() { Kind = kind, Message = message, HttpStatus = httpStatus, RetryAfter = retryAfter };
}

public enum SubmitOutcomeKind
{
    /// <summary>The provider took the task.</summary>
    Accepted,

    /// <summary>The provider refused it for good (bad request, bad key): retrying cannot help.</summary>
    Rejected,

    /// <summary>The account cannot pay for it; another provider might.</summary>
    InsufficientBalance,

    /// <summary>The provider provably did not take it (connect failure, 429, 503): safe to retry or route elsewhere.</summary>
    Retryable,

    /// <summary>The request may have reached the provider but no answer arrived: retrying could bill twice.</summary>
    Ambiguous,
}
