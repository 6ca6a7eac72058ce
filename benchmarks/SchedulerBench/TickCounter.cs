using System.Collections.Concurrent;

namespace VideoPlatform.Benchmarks.Scheduler;

/// <summary>When each tick arrived, relative to when it was due.</summary>
public sealed class TickCounter
{
    private readonly ConcurrentDictionary<int, (DateTime Due, DateTime Arrived)> _arrivals = new();

    public int Count => _arrivals.Count;

    public void Arrived(BenchTick tick) => _arrivals.TryAdd(tick.Index, (tick.DueAt, DateTime.UtcNow));

    public IReadOnlyCollection<(DateTime Due, DateTime Arrived)> Arrivals => _arrivals.Values.ToList();
}
