using System.Collections.Concurrent;

namespace ProviderSimulator.Tasks;

/// <summary>In-memory tasks and request counters, shared by all providers; safe for concurrent requests.</summary>
public sealed class TaskStore
{
    private readonly ConcurrentDictionary<string, SimTask> tasks = new();
    private readonly ConcurrentDictionary<string, int> submitsByRequest = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> mediaRequests = new();
    private int submits;
    private int queries;

    public void CountSubmit(string? requestId)
    {
        Interlocked.Increment(ref submits);
        if (!string.IsNullOrEmpty(requestId))
            submitsByRequest.AddOrUpdate(requestId, 1, (_, count) => count + 1);
    }

    public void CountQuery() => Interlocked.Increment(ref queries);

    public void CountMedia(string path, string range) => mediaRequests.GetOrAdd(path, _ => new ConcurrentQueue<string>()).Enqueue(range);

    public void Add(SimTask task) => tasks[task.Id] = task;

    public SimTask? Find(string id) => tasks.GetValueOrDefault(id);

    public SimStats Stats() => new(
        Volatile.Read(ref submits),
        new Dictionary<string, int>(submitsByRequest),
        Volatile.Read(ref queries),
        tasks.Count,
        mediaRequests.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value.ToArray()));

    public void Reset()
    {
        tasks.Clear();
        submitsByRequest.Clear();
        mediaRequests.Clear();
        Interlocked.Exchange(ref submits, 0);
        Interlocked.Exchange(ref queries, 0);
    }
}
