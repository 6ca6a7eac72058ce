using System.Text.Json.Serialization;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>The summary a load run prints as its last line.</summary>
internal sealed record LoadReport
{
    [JsonPropertyName("requests")] public int Requests { get; init; }
    [JsonPropertyName("terminal")] public int Terminal { get; init; }
    [JsonPropertyName("archived")] public int Archived { get; init; }
    [JsonPropertyName("failed")] public int Failed { get; init; }
    [JsonPropertyName("lost")] public int Lost { get; init; }
    [JsonPropertyName("failures")] public Dictionary<string, int> Failures { get; init; } = [];
    [JsonPropertyName("max_submitted_events_per_request")] public int MaxSubmittedEvents { get; init; }
    [JsonPropertyName("drain_s")] public double DrainSeconds { get; init; }

    public static LoadReport From(LoadRun run, TimeSpan elapsed)
    {
        var requests = run.Requests;
        var terminal = requests.Where(r => r.IsTerminal).ToList();
        var lastTerminal = terminal.Select(r => r.FirstAt(r.TerminalEvent!)!.Value).DefaultIfEmpty(DateTimeOffset.UtcNow).Max();
        var firstSent = requests.Select(r => r.SentAt).DefaultIfEmpty(DateTimeOffset.UtcNow).Min();
        return new LoadReport
        {
            Requests = run.Count,
            Terminal = terminal.Count,
            Archived = terminal.Count(r => r.TerminalEvent == nameof(VideoArchived)),
            Failed = terminal.Count(r => r.TerminalEvent != nameof(VideoArchived)),
            Lost = run.Count - terminal.Count,
            Failures = terminal.Where(r => r.TerminalEvent != nameof(VideoArchived))
                .GroupBy(r => r.TerminalEvent!).ToDictionary(g => g.Key, g => g.Count()),
            MaxSubmittedEvents = requests.Select(r => r.CountOf(nameof(TaskSubmitted))).DefaultIfEmpty(0).Max(),
            DrainSeconds = Math.Round(terminal.Count == run.Count ? (lastTerminal - firstSent).TotalSeconds : elapsed.TotalSeconds, 1),
        };
    }
}
