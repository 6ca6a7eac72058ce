namespace VideoPlatform.Contracts;

/// <summary>One stored video file.</summary>
public record ArchivedVideo
{
    /// <summary>Where it is stored (a path under the archive root for the filesystem store).</summary>
    public required string Path { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The provider URL it was downloaded from.</summary>
    public required string SourceUrl { get; init; }
}
