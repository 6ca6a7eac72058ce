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
}
