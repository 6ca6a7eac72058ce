using System.Collections.Concurrent;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>What a load run saw for each request: when each kind of event first arrived and how often.</summary>
internal sealed class LoadRun
{
    private readonly ConcurrentDictionary<Guid, RequestTrace> _requests = new();

    public void Sent(Guid requestId) => _requests[requestId] = new RequestTrace(DateTimeOffset.UtcNow);

    public void Saw(Guid requestId, object message)
    {
        if (_requests.TryGetValue(requestId, out var trace))
            trace.Record(message);
    }

    public int Count => _requests.Count;

    public int Terminal => _requests.Values.Count(t => t.IsTerminal);

    public IReadOnlyCollection<RequestTrace> Requests => _requests.Values.ToList();
}

internal sealed class RequestTrace(DateTimeOffset sentAt)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset First, int Count)> _events = new();

    public DateTimeOffset SentAt { get; } = sentAt;

    public bool IsTerminal => TerminalEvent is not null;

    public string? TerminalEvent =>
        new[] { nameof(VideoArchived), nameof(TaskFailed), nameof(GenerateVideoRejected), nameof(ArchiveFailed) }
            .FirstOrDefault(_events.ContainsKey);

    public int CountOf(string eventName) => _events.TryGetValue(eventName, out var e) ? e.Count : 0;

    public DateTimeOffset? FirstAt(string eventName) => _events.TryGetValue(eventName, out var e) ? e.First : null;

    public void Record(object message) =>
        _events.AddOrUpdate(message.GetType().Name, _ => (DateTimeOffset.UtcNow, 1), (_, e) => (e.First, e.Count + 1));
}
