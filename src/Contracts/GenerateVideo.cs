namespace VideoPlatform.Contracts;

/// <summary>
/// Command: generate one video. Publish it; the platform answers with events correlated by <see cref="RequestId"/>.
/// Publishing the same <see cref="RequestId"/> again never submits to a provider twice.
/// </summary>
public record GenerateVideo
{
    /// <summary>The caller's id for this request; every event about it carries the same id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary><c>modellix</c>, <c>myrouter</c> or <c>evolink</c> (case-insensitive).</summary>
    public string? Provider { get; init; }

    /// <summary>The provider's model name as in its documentation, e.g. <c>kling-v3-i2v</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Generation options; each provider uses the fields its API documents and rejects the rest.</summary>
    public VideoOptions Options { get; init; } = new();
}
