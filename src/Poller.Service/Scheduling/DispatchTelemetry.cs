using System.Diagnostics;
using System.Text.Json;
using MassTransit.Logging;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Scheduling;

/// <summary>
/// Keeps a scheduled message in the trace that scheduled it. MassTransit (8.x) carries the trace context in its
/// <c>MT-Activity-Id</c> header, which the scheduler stored with the envelope. MassTransit falls back to that header
/// only when no span is current; starting the dispatch span from it makes the continuation explicit whatever runs
/// around the dispatcher, and its start shows when the scheduled wait ended.
/// </summary>
internal static class DispatchTelemetry
{
    public static Activity? StartDispatch(ScheduledMessage message)
    {
        if (!PlatformTelemetry.ActivitySource.HasListeners())
            return null;
        var headers = JsonSerializer.Deserialize<Dictionary<string, string?>>(message.HeadersJson) ?? [];
        var parent = headers.GetValueOrDefault(DiagnosticHeaders.ActivityId) is { } id && ActivityContext.TryParse(id, null, isRemote: true, out var context)
            ? context
            : default;
        return PlatformTelemetry.ActivitySource.StartActivity("scheduler dispatch", ActivityKind.Internal, parent)
            ?.SetTag("video.scheduling_token", message.TokenId)
            .SetTag("video.dispatch_delay_ms", Math.Round((DateTime.UtcNow - message.DueAt.ToUniversalTime()).TotalMilliseconds));
    }
}
