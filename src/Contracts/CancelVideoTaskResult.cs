namespace VideoPlatform.Contracts;

/// <summary>Response to <see cref="CancelVideoTask"/>.</summary>
public record CancelVideoTaskResult
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>A value from <see cref="CancelOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The request's state after the cancel, a value from <see cref="VideoTaskStates"/>.</summary>
    public required string State { get; init; }
}
