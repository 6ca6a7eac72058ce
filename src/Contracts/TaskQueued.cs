namespace VideoPlatform.Contracts;

/// <summary>
/// Event: the request waits for a slot at its provider (the key has its most tasks running, or the provider said so).
/// It is kept and submitted when its turn comes; <see cref="TaskSubmitted"/> follows. Not terminal.
/// </summary>
public record TaskQueued
{
    /// <summary>The caller's request id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The provider whose slot it waits for.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's model name.</summary>
    public required string Model { get; init; }

    /// <summary>Who the request is for (see <see cref="GenerateVideo.Caller"/>).</summary>
    public string? Caller { get; init; }

    /// <summary>When it started waiting.</summary>
    public required DateTimeOffset QueuedAt { get; init; }

    /// <summary>
    /// How many requests for this provider would be given a slot before it, in the order of the line when it was
    /// queued (0: next). Callers take turns, so another caller's later request may still come before it.
    /// </summary>
    public required int Position { get; init; }

    /// <summary>
    /// <c>slots_full</c> (the platform's limit for the key), <c>provider_at_limit</c> (the provider refused at its own) or
    /// <c>rerouted</c> (the previous endpoint failed the task on its side; see <see cref="TaskRerouted"/>).
    /// </summary>
    public required string Reason { get; init; }
}
