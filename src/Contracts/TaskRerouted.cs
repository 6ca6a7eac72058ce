namespace VideoPlatform.Contracts;

/// <summary>
/// Event: the provider failed the task on its own side before producing a video, and the request asked for
/// <see cref="GenerateVideo.RerouteOnProviderFailure"/>: it goes to the next endpoint of its route, which bills again.
/// A <see cref="TaskQueued"/> or a second <see cref="TaskSubmitted"/> (naming <see cref="TaskSubmitted.ReroutedFrom"/>)
/// follows, or <see cref="TaskFailed"/> when no endpoint takes it. Not terminal.
/// </summary>
public record TaskRerouted
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider that failed the task.</summary>
    public required string Provider { get; init; }

    /// <summary>Its model name.</summary>
    public required string Model { get; init; }

    /// <summary>The failed task's id at that provider.</summary>
    public required string ProviderTaskId { get; init; }

    /// <summary>The provider's failure code (e.g. <c>service_error</c>), when it gave one.</summary>
    public string? ProviderFailureCode { get; init; }

    /// <summary>What the provider said.</summary>
    public required string Reason { get; init; }

    /// <summary>When the poller saw the failure and sent the request on.</summary>
    public required DateTimeOffset ReroutedAt { get; init; }
}
