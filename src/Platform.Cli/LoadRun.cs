using System.Collections.Concurrent;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>What a load run saw for each request: when each kind of event first arrived and how often.</summary>
internal sealed class LoadRun
{
    private readonly ConcurrentDictionary<Guid, RequestTrace> _requests = new();

    public void Sent(Guid requestId) => _requests[requestId] = new RequestTrace(requestId, DateTimeOffset.UtcNow);

    public void Saw(Guid requestId, object message)
    {
        if (_requests.TryGetValue(requestId, out var trace))
            trace.Record(message);
    }

    public int Count => _requests.Count;

    public int Terminal => _requests.Values.Count(t => t.IsTerminal);

    /// <summary>Requests that have seen at least one <paramref name="eventName"/>.</summary>
    public int Reached(string eventName) => _requests.Values.Count(t => t.CountOf(eventName) > 0);

    public IReadOnlyCollection<RequestTrace> Requests => _requests.Values.ToList();

    /// <summary>The progress line on stderr; benchmarks read its counts, so keep its shape.</summary>
    public string Progress(TimeSpan elapsed) =>
        $"{elapsed.TotalSeconds,6:0} s: {Reached(nameof(TaskSubmitted))} submitted, {Reached(nameof(TaskCompleted))} completed, " +
        $"{Reached(nameof(VideoArchived))} archived, {Terminal}/{Count} terminal";
}

internal sealed class RequestTrace(Guid requestId, DateTimeOffset sentAt)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset First, int Count, object Message)> _events = new();

    public Guid RequestId { get; } = requestId;

    public DateTimeOffset SentAt { get; } = sentAt;

    public bool IsTerminal => TerminalEvent is not null;

    public string? TerminalEvent =>
        new[] { nameof(VideoArchived), nameof(TaskFailed), nameof(GenerateVideoRejected), nameof(ArchiveFailed) }
            .FirstOrDefault(_events.ContainsKey);

    public int CountOf(string eventName) => _events.TryGetValue(eventName, out var e) ? e.Count : 0;

    public DateTimeOffset? FirstAt(string eventName) => _events.TryGetValue(eventName, out var e) ? e.First : null;

    /// <summary>The first <typeparamref name="T"/> that arrived, for what it carries (e.g. the platform's own times).</summary>
    public T? First<T>() where T : class => _events.TryGetValue(typeof(T).Name, out var e) ? e.Message as T : null;

    public void Record(object message) =>
        _events.AddOrUpdate(message.GetType().Name, _ => (DateTimeOffset.UtcNow, 1, message), (_, e) => (e.First, e.Count + 1, e.Message));
}
