namespace VideoPlatform.Submitter.Intake;

/// <summary>The intake record of one request: written before the provider is called, so a paid submit happens at most once.</summary>
public sealed record Submission(
    Guid RequestId,
    string Provider,
    string Model,
    string Status,
    string? ProviderTaskId,
    int? EstimatedSeconds,
    string? FailureCode,
    string? FailureReason,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public static class SubmissionStatus
{
    /// <summary>The provider call is in flight (or the process died during it).</summary>
    public const string Submitting = "submitting";
    public const string Submitted = "submitted";
    public const string Failed = "failed";
}
