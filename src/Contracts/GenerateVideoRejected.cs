namespace VideoPlatform.Contracts;

/// <summary>Event: the request was refused before any provider was called (nothing was billed). Terminal.</summary>
public record GenerateVideoRejected
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider named in the command, if any.</summary>
    public string? Provider { get; init; }

    /// <summary>The model named in the command.</summary>
    public string? Model { get; init; }

    /// <summary>Every rule the request broke.</summary>
    public required IReadOnlyList<RuleViolation> Violations { get; init; }

    /// <summary>All violations in one readable sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>When it was rejected.</summary>
    public required DateTimeOffset RejectedAt { get; init; }
}
