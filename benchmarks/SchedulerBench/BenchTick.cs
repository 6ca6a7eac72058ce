namespace VideoPlatform.Benchmarks.Scheduler;

/// <summary>The scheduled message: stands in for a saga's RecheckDue.</summary>
public record BenchTick
{
    public required int Index { get; init; }
    public required DateTime DueAt { get; init; }
}
