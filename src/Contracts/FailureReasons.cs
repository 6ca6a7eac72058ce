namespace VideoPlatform.Contracts;

/// <summary>Stable reason codes carried by <see cref="TaskFailed"/> and <see cref="ArchiveFailed"/>.</summary>
public static class FailureReasons
{
    /// <summary>The provider reported the generation as failed.</summary>
    public const string ProviderFailed = "provider_failed";

    /// <summary>The provider refused the submit (bad request, auth, balance).</summary>
    public const string ProviderRejected = "provider_rejected";

    /// <summary>The provider stayed unavailable (429/5xx) for every attempt before accepting the task.</summary>
    public const string ProviderUnavailable = "provider_unavailable";

    /// <summary>
    /// The submit may have reached the provider but no answer came back (timeout, reset after sending).
    /// It is not retried, so the customer is never billed twice.
    /// </summary>
    public const string SubmitUnknown = "submit_unknown";

    /// <summary>The provider no longer knows the task (repeated 404).</summary>
    public const string TaskNotFound = "task_not_found";

    /// <summary>The request passed its overall deadline.</summary>
    public const string TimedOut = "timed_out";

    /// <summary>The provider said it completed but returned no video.</summary>
    public const string NoResult = "no_result";

    /// <summary>The archiver could not download or verify the video.</summary>
    public const string ArchiveFailed = "archive_failed";

    /// <summary>
    /// Not a task's end: a status query or cancel whose <c>requestId</c> could not be read is answered <c>not_found</c>
    /// with this code and the reason.
    /// </summary>
    public const string InvalidRequest = "invalid_request";
}
