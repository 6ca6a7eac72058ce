using System.Globalization;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>
/// The one line <c>watch</c> draws for a request, e.g.
/// <c>[##########----------]  50%  processing  kling-v3-image-to-video @ evolink  00:42</c>.
/// Pure, so what a user sees is tested without a bus or a terminal.
/// </summary>
internal static class ProgressLine
{
    private const int BarWidth = 20;

    /// <summary>
    /// The line for <paramref name="status"/>, at most <paramref name="width"/> characters: on a narrow terminal
    /// the provider goes first, then the model, the bar and the clock, so percent and state stay readable longest.
    /// </summary>
    public static string Render(VideoTaskStatus status, TimeSpan elapsed, int width)
    {
        var percent = Percent(status);
        var filled = percent * BarWidth / 100;
        var bar = "[" + new string('#', filled) + new string('-', BarWidth - filled) + "]";
        var head = $"{percent,3}%  {Label(status)}";
        var clock = Clock(elapsed);

        string[] longestFirst =
        [
            Join($"{bar} {head}", Who(status), clock),
            Join($"{bar} {head}", status.Model, clock),
            Join($"{bar} {head}", clock),
            Join(head, clock),
            head,
        ];
        return longestFirst.FirstOrDefault(line => line.Length <= width) ?? head[..Math.Max(width, 0)];
    }

    /// <summary>A finished provider task counts as 100% whatever the provider last reported.</summary>
    private static int Percent(VideoTaskStatus status) =>
        status.State == VideoTaskStates.Completed ? 100 : Math.Clamp(status.ProgressPercent ?? 0, 0, 100);

    /// <summary>The state, with "completed" split by what the archiver did since.</summary>
    private static string Label(VideoTaskStatus status) => status.State switch
    {
        VideoTaskStates.Completed when status.ArchivedVideos.Count > 0 => "archived",
        VideoTaskStates.Completed when status.ArchiveFailureCode is not null => "archive failed",
        VideoTaskStates.Completed => "completed, archiving",
        VideoTaskStates.NotFound => "not found",
        VideoTaskStates.Queued when status.QueuePosition is { } place => $"queued, place {place + 1}",
        var state => state,
    };

    private static string? Who(VideoTaskStatus status) => (status.Model, status.Provider) switch
    {
        ({ } model, { } provider) => $"{model} @ {provider}",
        (var model, var provider) => model ?? provider,
    };

    private static string Join(params string?[] parts) => string.Join("  ", parts.Where(part => !string.IsNullOrEmpty(part)));

    private static string Clock(TimeSpan elapsed)
    {
        var time = elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
        var minutesAndSeconds = time.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
        return time.TotalHours >= 1 ? $"{(int)time.TotalHours}:{minutesAndSeconds}" : minutesAndSeconds;
    }
}
