using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace VideoPlatform.ServiceDefaults.Tests.Support;

/// <summary>Listens to <c>video.dead_letters</c> and sums it per queue (tests run in parallel, each on its own queue).</summary>
public sealed class DeadLetterCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Queue, string MessageType), long> _counts = new();

    public DeadLetterCounts()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PlatformTelemetry.Name && instrument.Name == "video.dead_letters")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string queue = "", messageType = "";
            foreach (var tag in tags)
            {
                if (tag.Key == PlatformTelemetry.Tags.Queue) queue = tag.Value as string ?? "";
                if (tag.Key == PlatformTelemetry.Tags.MessageType) messageType = tag.Value as string ?? "";
            }
            _counts.AddOrUpdate((queue, messageType), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public long For(string queue) => _counts.Where(c => c.Key.Queue == queue).Sum(c => c.Value);

    public long For(string queue, string messageType) => _counts.GetValueOrDefault((queue, messageType));

    /// <summary>Everything counted, for an assertion's message.</summary>
    public string Describe() => string.Join(", ", _counts.Select(c => $"{c.Key.Queue}/{c.Key.MessageType}={c.Value}"));

    public void Dispose() => _listener.Dispose();
}
