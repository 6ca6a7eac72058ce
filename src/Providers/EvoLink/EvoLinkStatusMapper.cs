using System.Text.Json;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>EvoLink task statuses onto ours. Unknown strings stay non-terminal: the deadline settles them.</summary>
internal static class EvoLinkStatusMapper
{
    /// <summary>
    /// EvoLink documents result links as valid for 24 hours. Its answers carry no expiry and no completion time (only
    /// <c>created</c>, the submit time), so the 24 h are counted from when the result is first seen.
    /// </summary>
    private static readonly TimeSpan DocumentedLinkLifetime = TimeSpan.FromHours(24);

    public static ProviderTaskStatus Map(EvoLinkTask task, DateTimeOffset now)
    {
        var state = task.Status?.Trim().ToLowerInvariant() switch
        {
            "pending" => ProviderTaskState.Pending,
            "processing" => ProviderTaskState.Processing,
            "completed" => ProviderTaskState.Succeeded,
            // The query documents failed only, but the callback also fires for a cancelled task.
            "failed" or "cancelled" or "canceled" => ProviderTaskState.Failed,
            _ => ProviderTaskState.Unknown,
        };
        var failed = state == ProviderTaskState.Failed;
        var running = state is ProviderTaskState.Pending or ProviderTaskState.Processing;
        var failureCode = failed ? FailureCode(task) : null;

        return new ProviderTaskStatus
        {
            State = state,
            RawStatus = task.Status,
            ProgressPercent = AnswerValues.Percent(task.Progress, "progress"),
            // estimated_time is the whole generation's estimate, not what is left of it.
            EstimatedTotalSeconds = running ? AnswerValues.SecondsUp(task.TaskInfo?.EstimatedTime, "task_info.estimated_time") : null,
            Videos = state == ProviderTaskState.Succeeded ? Videos(task, now) : [],
            // What EvoLink says it holds for the task and whether it still takes a cancel: read in every state.
            CreditsReserved = AnswerValues.Credits(task.Usage?.CreditsReserved, "usage.credits_reserved"),
            CanCancel = task.TaskInfo?.CanCancel,
            FailureCode = failureCode,
            ServerSideFailure = failed ? EvoLinkFailureCodes.IsServerSide(failureCode) : null,
            FailureMessage = failed
                ? (string.IsNullOrWhiteSpace(task.Error?.Message) ? $"EvoLink reported the task as {task.Status}" : task.Error.Message)
                : null,
        };
    }

    private static IReadOnlyList<VideoResult> Videos(EvoLinkTask task, DateTimeOffset now) =>
        (task.Results ?? [])
            .Where(url => !string.IsNullOrWhiteSpace(url))
            .Select(url => new VideoResult { Url = url, ExpiresAt = now + DocumentedLinkLifetime })
            .ToList();

    private static string? FailureCode(EvoLinkTask task) => task.Error?.Code switch
    {
        { ValueKind: JsonValueKind.String } code => code.GetString(),
        { ValueKind: JsonValueKind.Number } code => code.GetRawText(),
        _ => task.Status,
    };
}
