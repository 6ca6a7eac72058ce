using System.Text.Json;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.MyRouter;

/// <summary>MyRouter task statuses onto ours. Unknown strings stay non-terminal: the deadline settles them.</summary>
internal static class MyRouterStatusMapper
{
    /// <summary>No result link lives longer; a TTL beyond it is taken for a wrong unit and leaves the expiry unknown.</summary>
    private static readonly TimeSpan LongestLinkLifetime = TimeSpan.FromDays(365);

    public static ProviderTaskStatus Map(MyRouterTaskResult result, DateTimeOffset now)
    {
        var task = result.Task ?? throw new JsonException("MyRouter task answer has no task");
        var state = task.Status?.Trim().ToUpperInvariant() switch
        {
            "TASK_STATUS_QUEUED" => ProviderTaskState.Pending,
            "TASK_STATUS_PROCESSING" => ProviderTaskState.Processing,
            "TASK_STATUS_SUCCEED" => ProviderTaskState.Succeeded,
            "TASK_STATUS_FAILED" or "TASK_STATUS_CANCELED" => ProviderTaskState.Failed,
            _ => ProviderTaskState.Unknown,
        };
        var failed = state == ProviderTaskState.Failed;

        return new ProviderTaskStatus
        {
            State = state,
            RawStatus = task.Status,
            ProgressPercent = AnswerValues.Percent(task.ProgressPercent, "task.progress_percent"),
            EtaSeconds = AnswerValues.SecondsUp(task.Eta, "task.eta"),
            Videos = state == ProviderTaskState.Succeeded ? Videos(result, now) : [],
            // The status itself tells a cancellation from a failure; the reason is free text.
            FailureCode = failed ? task.Status : null,
            FailureMessage = failed
                ? (string.IsNullOrWhiteSpace(task.Reason) ? $"MyRouter reported the task as {task.Status}" : task.Reason)
                : null,
        };
    }

    private static IReadOnlyList<VideoResult> Videos(MyRouterTaskResult result, DateTimeOffset now) =>
        (result.Videos ?? [])
            .Where(v => !string.IsNullOrWhiteSpace(v.VideoUrl))
            .Select(v => new VideoResult
            {
                Url = v.VideoUrl!,
                // video_url_ttl is a string of seconds from now. Without a usable one (absent, 0 or less) the expiry stays
                // unknown: MyRouter documents no default lifetime to fall back on.
                ExpiresAt = v.VideoUrlTtl is not 0 && AnswerValues.Seconds(v.VideoUrlTtl, LongestLinkLifetime, "videos[].video_url_ttl") is { } ttl
                    ? now + ttl
                    : null,
                Format = v.VideoType,
            })
            .ToList();
}
