namespace VideoPlatform.Contracts;

/// <summary>Event: the task's state or progress changed at the provider.</summary>
public record TaskProgressed
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider generating the task.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's own task id.</summary>
    public required string ProviderTaskId { get; init; }

    /// <summary><c>pending</c> or <c>processing</c>.</summary>
    public required string State { get; init; }

    /// <summary>0–100 when the provider reports progress.</summary>
    public int? ProgressPercent { get; init; }

    /// <summary>When this was observed.</summary>
    public required DateTimeOffset ObservedAt { get; init; }
}
