namespace VideoPlatform.Contracts;

/// <summary>Event: the video was generated but could not be stored. Terminal.</summary>
public record ArchiveFailed
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider that generated it.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's own task id.</summary>
    public required string ProviderTaskId { get; init; }

    /// <summary>The URL that could not be archived.</summary>
    public required string SourceUrl { get; init; }

    /// <summary>A stable code from <see cref="ArchiveFailureReasons"/>.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>What went wrong, in words (the source's status and, when short, its answer).</summary>
    public required string Reason { get; init; }

    /// <summary>When the archiver gave up.</summary>
    public required DateTimeOffset FailedAt { get; init; }
}
