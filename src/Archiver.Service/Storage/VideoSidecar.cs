namespace VideoPlatform.Archiver.Storage;

/// <summary>The JSON written next to each video, so an operator finds everything with <c>ls</c> and <c>cat</c>.</summary>
public sealed record VideoSidecar
{
    public required Guid RequestId { get; init; }
    public required int Index { get; init; }
    public required string Provider { get; init; }
    public required string Model { get; init; }
    public required string ProviderTaskId { get; init; }
    public required string SourceUrl { get; init; }
    public DateTimeOffset? SourceExpiresAt { get; init; }
    public required long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public required string Format { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public required DateTimeOffset ArchivedAt { get; init; }
    public required double DownloadSeconds { get; init; }

    /// <summary>Credits the provider said it holds or charged for the whole task (EvoLink); null when it did not say.</summary>
    public double? ProviderCredits { get; init; }

    /// <summary>Who the request was for, and what the platform's price table estimated the whole task to cost; null without a price.</summary>
    public string? Caller { get; init; }
    public double? EstimatedCost { get; init; }
    public string? Currency { get; init; }
}
