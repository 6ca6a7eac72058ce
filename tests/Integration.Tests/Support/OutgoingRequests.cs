using System.Collections.Concurrent;
using System.Diagnostics;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// Every HTTP request and every socket connection any client in this test process makes, seen through the
/// runtime's own activity sources, so a test can prove the archiver never reached an address, without changing
/// how the archiver is built. Tags are read when an activity stops: the runtime sets them only then.
/// </summary>
public sealed class OutgoingRequests : IDisposable
{
    private readonly ConcurrentQueue<OutgoingCall> _calls = new();
    private readonly ConcurrentQueue<string> _connected = new();
    private readonly ActivityListener _listener;

    public OutgoingRequests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "System.Net.Http" or "Experimental.System.Net.Sockets",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.full") is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
                    _calls.Enqueue(new OutgoingCall(uri, activity.StartTimeUtc, activity.GetTagItem("http.response.status_code") as int?));
                if (activity.GetTagItem("network.peer.address") is string address)
                    _connected.Enqueue(address);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Uri> Requested => [.. _calls.Select(c => c.Url)];

    /// <summary>Finished requests with when each started and its status code (null when no response came).</summary>
    public IReadOnlyList<OutgoingCall> Calls => [.. _calls];

    /// <summary>Peer addresses of new connections, as the runtime writes them (<c>::ffff:127.0.0.1</c>).</summary>
    public IReadOnlyList<string> ConnectedTo => [.. _connected];

    public void Dispose() => _listener.Dispose();
}

public sealed record OutgoingCall(Uri Url, DateTime StartedUtc, int? StatusCode);
