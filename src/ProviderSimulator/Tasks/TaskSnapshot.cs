namespace ProviderSimulator.Tasks;

/// <summary>A task as seen at one moment.</summary>
/// <param name="Progress">0–100, linear over the task's own generation time.</param>
/// <param name="SecondsLeft">
/// Until the completion a client would estimate from the configured timings (not the task's own), rounded up;
/// 0 once past it or terminal.
/// </param>
/// <param name="CompletedAt">Set once the task is terminal.</param>
public sealed record TaskSnapshot(TaskPhase Phase, int Progress, int SecondsLeft, DateTimeOffset? CompletedAt);
