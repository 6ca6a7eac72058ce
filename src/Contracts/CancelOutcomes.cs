namespace VideoPlatform.Contracts;

/// <summary>The values of <see cref="CancelVideoTaskResult.Outcome"/>.</summary>
public static class CancelOutcomes
{
    /// <summary>The request was open; the platform stopped following it.</summary>
    public const string Canceled = "canceled";

    /// <summary>The request had already ended (completed, failed or canceled); nothing changed.</summary>
    public const string AlreadyFinished = "already_finished";

    /// <summary>The poller tracks no request with this id.</summary>
    public const string NotFound = "not_found";
}
