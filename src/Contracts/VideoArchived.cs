namespace VideoPlatform.Contracts;

/// <summary>Event: every result video of the task is stored and verified. Terminal success.</summary>
public record VideoArchived
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider that generated it.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's model name.</summary>
    public required string Model { get; init; }

    /// <summary>The provider's own task id.</summary>
    public required string ProviderTaskId { get; init; }

    /// <summary>The stored files, in the provider's order.</summary>
    public required IReadOnlyList<ArchivedVideo> Videos { get; init; }

    /// <summary>When the last file was stored.</summary>
    public required DateTimeOffset ArchivedAt { get; init; }
}
