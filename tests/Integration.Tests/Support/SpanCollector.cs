using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>An OpenTelemetry exporter that keeps every span it is handed, for assertions on what a service exports.</summary>
public sealed class SpanCollector : BaseExporter<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    public IReadOnlyList<Activity> All => _spans.ToList();

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var span in batch)
            _spans.Enqueue(span);
        return ExportResult.Success;
    }

    /// <summary>Waits until the spans of the one trace tagged with this request satisfy <paramref name="complete"/>.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForTraceAsync(Guid requestId, Func<IReadOnlyList<Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        IReadOnlyList<Activity> trace = [];
        while (DateTime.UtcNow < deadline)
        {
            var traceIds = TraceIdsOf(requestId);
            trace = traceIds.Count == 1 ? All.Where(s => s.TraceId == traceIds[0]).ToList() : [];
            if (trace.Count > 0 && complete(trace))
                return trace;
            await Task.Delay(100);
        }
        throw new TimeoutException(
            $"the trace of {requestId} never looked complete; trace ids tagged with it: [{string.Join(", ", TraceIdsOf(requestId))}]; " +
            $"its spans: [{string.Join(", ", trace.Select(s => s.DisplayName))}]");
    }

    /// <summary>Every trace holding a span tagged with this request id.</summary>
    public IReadOnlyList<ActivityTraceId> TraceIdsOf(Guid requestId) =>
        All.Where(s => Equals(s.GetTagItem("video.request_id"), requestId) || s.GetTagItem("video.request_id") as string == requestId.ToString())
            .Select(s => s.TraceId).Distinct().ToList();
}
