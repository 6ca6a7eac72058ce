using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>Every measurement of the platform's own meters while it lives (a process-wide listener, like the SDK's).</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public RecordedMeasurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("VideoPlatform"))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    /// <summary>Measurements of one instrument whose tags include all of <paramref name="tags"/>.</summary>
    public IReadOnlyList<double> Of(string instrument, params (string Key, object Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value)))
            .Select(m => m.Value).ToList();

    /// <summary>Asks observable instruments (gauges) for their current value now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, item) in tags)
            copy[key] = item;
        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
    }

    private sealed record RecordedMeasurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
