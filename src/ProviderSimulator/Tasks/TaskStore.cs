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
    private readonly ConcurrentDictionary<string, int> acceptedByRequest = new();
    private readonly ConcurrentDictionary<string, int> cutMidCallByRequest = new();
    private readonly ConcurrentDictionary<string, long> answeredAtByRequest = new();
    private readonly ConcurrentDictionary<string, VideoCounter> videos = new();
    private int submits;
    private int queries;
    private int submitsHung;
    private int answersInFlight;
    private int downloadsInFlight;

    public int Submits => Volatile.Read(ref submits);
    public int Queries => Volatile.Read(ref queries);
    public int TaskCount => tasks.Count;
    public int SubmitsHung => Volatile.Read(ref submitsHung);

    /// <summary>Accepted submits whose answer is not yet fully sent: a caller killed now is cut mid-call.</summary>
    public int SubmitsInFlight => Volatile.Read(ref answersInFlight);

    /// <summary>Downloads of a task's video still sending.</summary>
    public int DownloadsInFlight => Volatile.Read(ref downloadsInFlight);

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

    /// <summary>Records an accepted (billed) task.</summary>
    public void Add(SimTask task)
    {
        tasks[task.Id] = task;
        inOrder.Enqueue(task);
        if (task.RequestId is { } requestId)
            acceptedByRequest.AddOrUpdate(requestId, 1, (_, count) => count + 1);
    }

    public void CountHung() => Interlocked.Increment(ref submitsHung);

    /// <summary>An accepted submit starts its wait and answer; pair with <see cref="EndAnswer"/>.</summary>
    public void BeginAnswer() => Interlocked.Increment(ref answersInFlight);

    /// <param name="callerGone">The caller disconnected before the whole answer was written: billed, never told.</param>
    /// <param name="at">When the answer was written (or given up).</param>
    public void EndAnswer(string? requestId, bool callerGone, DateTimeOffset at)
    {
        Interlocked.Decrement(ref answersInFlight);
        if (string.IsNullOrEmpty(requestId))
            return;
        if (callerGone)
            cutMidCallByRequest.AddOrUpdate(requestId, 1, (_, count) => count + 1);
        else
            answeredAtByRequest[requestId] = at.ToUnixTimeMilliseconds();
    }

    /// <summary>A download of <paramref name="task"/>'s video starts; pair with <see cref="EndDownload"/>.</summary>
    public VideoCounter BeginDownload(SimTask task, long sizeBytes)
    {
        Interlocked.Increment(ref downloadsInFlight);
        return videos.GetOrAdd(task.Id, _ => new VideoCounter(task.RequestId, sizeBytes));
    }

    public void EndDownload() => Interlocked.Decrement(ref downloadsInFlight);

    public SimTask? Find(string id) => tasks.GetValueOrDefault(id);

    public IReadOnlyDictionary<string, int> SubmitsByRequest() => new Dictionary<string, int>(submitsByRequest);

    public IReadOnlyDictionary<string, int> AcceptedByRequest() => new Dictionary<string, int>(acceptedByRequest);

    public IReadOnlyDictionary<string, int> CutMidCallByRequest() => new Dictionary<string, int>(cutMidCallByRequest);

    public IReadOnlyDictionary<string, long> AnsweredAtByRequest() => new Dictionary<string, long>(answeredAtByRequest);

    public IReadOnlyDictionary<string, VideoServed> Videos() =>
        videos.ToDictionary(v => v.Key, v => new VideoServed(v.Value.RequestId, v.Value.SizeBytes, v.Value.BytesServed));

    public IReadOnlyDictionary<string, IReadOnlyList<string>> MediaRequests() =>
        mediaRequests.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value.ToArray());

    public void Reset()
    {
        tasks.Clear();
        inOrder.Clear();
        submitsByRequest.Clear();
        mediaRequests.Clear();
        acceptedByRequest.Clear();
        cutMidCallByRequest.Clear();
        answeredAtByRequest.Clear();
        videos.Clear();
        Interlocked.Exchange(ref submitsHung, 0);
        Interlocked.Exchange(ref submits, 0);
        Interlocked.Exchange(ref queries, 0);
    }
}
