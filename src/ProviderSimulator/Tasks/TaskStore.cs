using System.Collections.Concurrent;

namespace ProviderSimulator.Tasks;

/// <summary>In-memory tasks and request counters, shared by all providers; safe for concurrent requests.</summary>
public sealed class TaskStore
{
    private readonly ConcurrentDictionary<string, SimTask> tasks = new();

    /// <summary>The same tasks in the order they were recorded, so listing them needs no sort.</summary>
    private readonly ConcurrentQueue<SimTask> inOrder = new();
    private readonly ConcurrentDictionary<string, int> submitsByRequest = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> mediaRequests = new();
    private int submits;
    private int queries;

    public int Submits => Volatile.Read(ref submits);
    public int Queries => Volatile.Read(ref queries);
    public int TaskCount => tasks.Count;

    /// <summary>Every task in the order recorded; enumerating does not lock out concurrent submits.</summary>
    public IEnumerable<SimTask> Tasks => inOrder;

    public void CountSubmit(string? requestId)
    {
        Interlocked.Increment(ref submits);
        if (!string.IsNullOrEmpty(requestId))
            submitsByRequest.AddOrUpdate(requestId, 1, (_, count) => count + 1);
    }

    public void CountQuery() => Interlocked.Increment(ref queries);

    public void CountMedia(string path, string range) => mediaRequests.GetOrAdd(path, _ => new ConcurrentQueue<string>()).Enqueue(range);

    public void Add(SimTask task)
    {
        tasks[task.Id] = task;
        inOrder.Enqueue(task);
    }

    public SimTask? Find(string id) => tasks.GetValueOrDefault(id);

    public IReadOnlyDictionary<string, int> SubmitsByRequest() => new Dictionary<string, int>(submitsByRequest);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> MediaRequests() =>
        mediaRequests.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value.ToArray());

    public void Reset()
    {
        tasks.Clear();
        inOrder.Clear();
        submitsByRequest.Clear();
        mediaRequests.Clear();
        Interlocked.Exchange(ref submits, 0);
        Interlocked.Exchange(ref queries, 0);
    }
}
