using System.Diagnostics;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Context;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// For a filter that answers a message itself, in place of the consumer it never reaches: without this notice the
/// transport finds the message delivered to nobody and moves it to <c>_skipped</c>.
/// </summary>
public static class ConsumedInPlace
{
    /// <param name="startedTimestamp">From <see cref="Stopwatch.GetTimestamp"/> when the filter took the message.</param>
    public static Task NotifyAsync(ConsumeContext context, JsonObject? message, long startedTimestamp, string filter) =>
        new MessageConsumeContext<JsonObject>(context, message ?? []).NotifyConsumed(Stopwatch.GetElapsedTime(startedTimestamp), filter);
}
