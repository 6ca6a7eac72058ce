namespace VideoPlatform.Contracts;

/// <summary>Event: the provider finished the video; the archiver now stores it.</summary>
public record TaskCompleted
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider that generated it.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's model name.</summary>
    public required string Model { get; init; }

    /// <summary>The provider's own task id.</summary>
    public required string ProviderTaskId { get; init; }

    /// <summary>The result videos (most providers return one).</summary>
    public required IReadOnlyList<VideoResult> Videos { get; init; }

    /// <summary>When the platform saw the task complete.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>
    /// Credits the provider says it holds or charged for the task (EvoLink <c>usage.credits_reserved</c>), in its own
    /// unit; null when the provider does not say. What it bills is the provider's to tell; this is what it said.
    /// </summary>
    public double? ProviderCredits { get; init; }

    /// <summary>Who the request is for (see <see cref="GenerateVideo.Caller"/>).</summary>
    public string? Caller { get; init; }

    /// <summary>
    /// What the request is estimated to cost, from the platform's price table (the operator's copy of the provider's
    /// published prices) and the request's duration and resolution; null when the model has no price there.
    /// The provider's own bill is the truth.
    /// </summary>
    public double? EstimatedCost { get; init; }

    /// <summary>The currency of <see cref="EstimatedCost"/> (ISO 4217, e.g. <c>USD</c>).</summary>
    public string? Currency { get; init; }
}
