namespace VideoPlatform.Contracts;

/// <summary>Event: the request ended without a video. Terminal.</summary>
public record TaskFailed
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider involved, when one was chosen.</summary>
    public string? Provider { get; init; }

    /// <summary>The model requested.</summary>
    public string? Model { get; init; }

    /// <summary>The provider's task id, when the provider accepted the task.</summary>
    public string? ProviderTaskId { get; init; }

    /// <summary>A stable code from <see cref="FailureReasons"/>.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>What happened, in words (includes the provider's own reason when it gave one).</summary>
    public required string Reason { get; init; }

    /// <summary>When the platform gave up.</summary>
    public required DateTimeOffset FailedAt { get; init; }

    /// <summary>
    /// Credits the provider says it holds or charged for the task (EvoLink <c>usage.credits_reserved</c>), in its own
    /// unit; null when the provider does not say. What it bills is the provider's to tell; this is what it said.
    /// </summary>
    public double? ProviderCredits { get; init; }
}
