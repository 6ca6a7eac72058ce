using ProviderSimulator.Tasks;

namespace ProviderSimulator.Limits;

/// <summary>What one key has done at one provider: its calls in the last minute and its unfinished tasks.</summary>
internal sealed class KeyUsage(string label)
{
    private readonly Lock gate = new();

    /// <summary>
    /// Times (UTC ticks) of the calls in the window, oldest first. Each call is queued and dropped once, so a check
    /// costs O(1) amortised; the window is exact, which a Retry-After naming when the oldest call leaves needs.
    /// </summary>
    private readonly Queue<long> calls = new();

    /// <summary>Completion times of unfinished tasks, earliest first; a stuck task's never comes.</summary>
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> unfinished = new();

    private int peak;

    public string Label { get; } = label;

    /// <summary>The most calls the window ever held.</summary>
    public int PeakPerMinute
    {
        get
        {
            lock (gate)
                return peak;
        }
    }

    /// <summary>
    /// Records a call at <paramref name="now"/> unless the <paramref name="window"/> already holds
    /// <paramref name="limit"/> (0 = no limit). One key is always asked with the same window.
    /// </summary>
    /// <returns>Null when recorded; otherwise whole seconds until the oldest call leaves the window, at least 1.</returns>
    public int? TryCall(DateTimeOffset now, int limit, TimeSpan window)
    {
        var ticks = now.UtcTicks;
        var windowTicks = window.Ticks;
        lock (gate)
        {
            while (calls.TryPeek(out var oldest) && oldest <= ticks - windowTicks)
                calls.Dequeue();
            if (limit > 0 && calls.Count >= limit)
                return Math.Max(1, (int)Math.Ceiling(TimeSpan.FromTicks(calls.Peek() + windowTicks - ticks).TotalSeconds));
            calls.Enqueue(ticks);
            peak = Math.Max(peak, calls.Count);
            return null;
        }
    }

    /// <summary>
    /// Creates a task unless <paramref name="limit"/> are unfinished. Checking and creating under one lock keeps
    /// concurrent submits from both taking the last free place.
    /// </summary>
    public SimTask? TryStart(DateTimeOffset now, int limit, Func<SimTask> create)
    {
        lock (gate)
        {
            while (unfinished.TryPeek(out _, out var completesAt) && completesAt <= now)
                unfinished.Dequeue();
            if (unfinished.Count >= limit)
                return null;
            var task = create();
            var end = task.CompletesAt ?? DateTimeOffset.MaxValue;
            unfinished.Enqueue(end, end);
            return task;
        }
    }
}
