using System.Text.Json;
using System.Text.Json.Serialization;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>
/// One request of a load run as <c>--events-out</c> writes it, one JSON line each, for benchmarks to work out
/// throughput, in-flight counts and detection lag. Times are ISO-8601 with their offset; a time is null when its
/// event never came. <c>completed_at</c> is the platform's own (when the poller saw the task done), the others are
/// when this command received the event. <c>outcome</c> is the terminal event's name, or <c>lost</c>;
/// <c>reason_code</c> the failure's code and <c>reason</c> its words; <c>archived_events</c> how many <c>VideoArchived</c>
/// came (a crash test treats more than one as an archive done twice) and <c>archived_bytes</c> the sizes the first one
/// lists. <c>accepted_at</c> is the platform's own time the provider accepted the task (<c>TaskSubmitted.SubmittedAt</c>),
/// so <c>accepted_at − sent_at</c> is the request's wait for the provider on one clock, whatever the event's travel;
/// <c>queued_at</c> is when it began waiting for a provider slot (<c>TaskQueued</c>), null when it never had to.
/// </summary>
internal sealed record LoadEventLine
{
    public const string Lost = "lost";

    [JsonPropertyName("request_id")] public Guid RequestId { get; init; }
    [JsonPropertyName("sent_at")] public DateTimeOffset SentAt { get; init; }
    [JsonPropertyName("submitted_at")] public DateTimeOffset? SubmittedAt { get; init; }
    [JsonPropertyName("completed_at")] public DateTimeOffset? CompletedAt { get; init; }
    [JsonPropertyName("archived_at")] public DateTimeOffset? ArchivedAt { get; init; }
    [JsonPropertyName("outcome")] public string Outcome { get; init; } = Lost;
    [JsonPropertyName("reason_code")] public string? ReasonCode { get; init; }
    [JsonPropertyName("archived_events")] public int ArchivedEvents { get; init; }
    [JsonPropertyName("archived_bytes")] public long ArchivedBytes { get; init; }
    [JsonPropertyName("accepted_at")] public DateTimeOffset? AcceptedAt { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("queued_at")] public DateTimeOffset? QueuedAt { get; init; }

    public static LoadEventLine From(RequestTrace trace) => new()
    {
        RequestId = trace.RequestId,
        SentAt = trace.SentAt,
        SubmittedAt = trace.FirstAt(nameof(TaskSubmitted)),
        CompletedAt = trace.First<TaskCompleted>()?.CompletedAt,
        ArchivedAt = trace.FirstAt(nameof(VideoArchived)),
        Outcome = trace.TerminalEvent ?? Lost,
        ReasonCode = trace.First<TaskFailed>()?.ReasonCode ?? trace.First<ArchiveFailed>()?.ReasonCode,
        ArchivedEvents = trace.CountOf(nameof(VideoArchived)),
        ArchivedBytes = trace.First<VideoArchived>()?.Videos.Sum(v => v.SizeBytes) ?? 0,
        AcceptedAt = trace.First<TaskSubmitted>()?.SubmittedAt,
        Reason = trace.First<TaskFailed>()?.Reason ?? trace.First<ArchiveFailed>()?.Reason ?? trace.First<GenerateVideoRejected>()?.Reason,
        QueuedAt = trace.First<TaskQueued>()?.QueuedAt,
    };

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Every request, in the order sent.</summary>
    public static async Task WriteAllAsync(TextWriter writer, IEnumerable<RequestTrace> requests)
    {
        foreach (var trace in requests.OrderBy(r => r.SentAt))
            await writer.WriteLineAsync(From(trace).ToJson());
        await writer.FlushAsync();
    }
}
