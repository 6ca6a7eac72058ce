namespace VideoPlatform.Submitter.Intake;

/// <summary>
/// The intake record of one request: written before the provider is called, so a paid submit happens at most once.
/// The owner (the delivery working on it) keeps its lease alive while it works; an outcome not yet confirmed by the
/// broker is still to be announced.
/// </summary>
public sealed record Submission(
    Guid RequestId,
    string Provider,
    string Model,
    string Status,
    string? ProviderTaskId,
    int? EstimatedSeconds,
    string? FailureCode,
    string? FailureReason,
    Guid? Owner,
    DateTime? LeaseUntil,
    DateTime? CallStartedAt,
    bool Announced,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Caller,
    decimal? EstimatedCost,
    string? Currency,
    DateTime? QueuedAt,
    string? WaitingReason,
    bool KeepsCommand,
    string? ReroutedFrom)
{
    public bool IsFinished => Status is SubmissionStatus.Submitted or SubmissionStatus.Failed;

    /// <summary>Accepted with its command kept: a failure on the provider's side sends it on to the next endpoint of its route.</summary>
    public bool ReroutesOnProviderFailure => Status == SubmissionStatus.Submitted && KeepsCommand;

    public bool LeaseExpiredAt(DateTimeOffset now) => LeaseUntil is not { } until || new DateTimeOffset(until, TimeSpan.Zero) <= now;
}

public static class SubmissionStatus
{
    /// <summary>Claimed by a delivery that has not called the provider yet: a redelivery may take it over and submit.</summary>
    public const string Claimed = "claimed";

    /// <summary>A provider call may have reached the provider (or its owner died during it): never called again.</summary>
    public const string Submitting = "submitting";

    /// <summary>In line for a provider slot (<see cref="Slots.SlotLine"/>): the command is kept with the record.</summary>
    public const string Waiting = "waiting";

    /// <summary>Given a slot; its command is on the way back to the submitter, which claims it as any other.</summary>
    public const string Admitted = "admitted";

    public const string Submitted = "submitted";
    public const string Failed = "failed";
}
