namespace VideoPlatform.Contracts;

/// <summary>Event: a provider accepted the request and is generating it.</summary>
public record TaskSubmitted
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider that took the task (lower case, e.g. <c>modellix</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's model name.</summary>
    public required string Model { get; init; }

    /// <summary>The provider's own task id.</summary>
    public required string ProviderTaskId { get; init; }

    /// <summary>When the provider accepted it.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The provider's estimate of the generation time, when it gives one.</summary>
    public int? EstimatedSeconds { get; init; }

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

    /// <summary>
    /// True when a failure on the provider's side would send the request on to the next endpoint of its route (it asked
    /// for <see cref="GenerateVideo.RerouteOnProviderFailure"/> and one remains); absent otherwise.
    /// </summary>
    public bool? ReroutesOnProviderFailure { get; init; }

    /// <summary>The endpoint (<c>provider/model</c>) whose failure sent the request here; absent for a first submission.</summary>
    public string? ReroutedFrom { get; init; }
}
