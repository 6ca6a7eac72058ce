namespace VideoPlatform.Contracts;

/// <summary>The values of <see cref="VideoTaskStatus.State"/>.</summary>
public static class VideoTaskStates
{
    /// <summary>Waiting for a provider slot (<see cref="TaskQueued"/>); no provider has it yet.</summary>
    public const string Queued = "queued";

    /// <summary>Accepted by the provider, not started yet.</summary>
    public const string Pending = "pending";

    /// <summary>The provider is generating.</summary>
    public const string Processing = "processing";

    /// <summary>The provider finished the video (archiving follows).</summary>
    public const string Completed = "completed";

    /// <summary>Ended without a video.</summary>
    public const string Failed = "failed";

    /// <summary>Canceled by a caller; the platform stopped following it.</summary>
    public const string Canceled = "canceled";

    /// <summary>Refused before any provider saw it (<c>GenerateVideoRejected</c>); the failure fields say why.</summary>
    public const string Rejected = "rejected";

    /// <summary>The poller tracks no request with this id.</summary>
    public const string NotFound = "not_found";
}
