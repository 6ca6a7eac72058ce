namespace VideoPlatform.Contracts;

/// <summary>Event: a caller canceled the request; the platform no longer follows it. Terminal.</summary>
public record TaskCanceled
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider that accepted the task.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's own task id.</summary>
    public required string ProviderTaskId { get; init; }

    /// <summary>Whether the provider was asked to cancel too (none of the providers documents such a call).</summary>
    public required bool ProviderCancelCalled { get; init; }

    /// <summary>What the cancel means at the provider, in words.</summary>
    public required string Note { get; init; }

    /// <summary>When the platform stopped following the task.</summary>
    public required DateTimeOffset CanceledAt { get; init; }
}
