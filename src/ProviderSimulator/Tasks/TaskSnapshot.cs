namespace ProviderSimulator.Tasks;

/// <summary>A task as seen at one moment.</summary>
/// <param name="Progress">0–100, linear over the generation time.</param>
/// <param name="SecondsLeft">Until the scheduled completion, rounded up; 0 once past it.</param>
/// <param name="CompletedAt">Set once the task is terminal.</param>
public sealed record TaskSnapshot(TaskPhase Phase, int Progress, int SecondsLeft, DateTimeOffset? CompletedAt);
