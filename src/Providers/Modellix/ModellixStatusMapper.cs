using System.Text.Json;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix task statuses onto ours. Unknown strings stay non-terminal: the deadline settles them.</summary>
internal static class ModellixStatusMapper
{
    /// <summary>Modellix documents 24 h result links; used when an answer has no <c>result_expires_at</c>.</summary>
    private static readonly TimeSpan DocumentedLinkLifetime = TimeSpan.FromHours(24);

    public static ProviderTaskStatus Map(ModellixTaskData data)
    {
        var raw = data.Status?.Trim().ToLowerInvariant();
        var state = raw switch
        {
            "pending" or "queued" => ProviderTaskState.Pending,
            "processing" or "running" => ProviderTaskState.Processing,
            "success" or "succeeded" or "completed" => ProviderTaskState.Succeeded,
            "failed" or "error" or "canceled" or "cancelled" => ProviderTaskState.Failed,
            _ => ProviderTaskState.Unknown,
        };

        return new ProviderTaskStatus
        {
            State = state,
            RawStatus = data.Status,
            Videos = state == ProviderTaskState.Succeeded ? Videos(data) : [],
            FailureCode = state == ProviderTaskState.Failed ? raw : null,
            FailureMessage = state == ProviderTaskState.Failed ? FailureText(data) : null,
        };
    }

    private static IReadOnlyList<VideoResult> Videos(ModellixTaskData data)
    {
        // result_expires_at is documented in milliseconds; completed_at's unit is not, so its magnitude tells. A time
        // that is no plausible instant (microseconds, negative) counts as absent. With neither, the 24 h run from
        // when the result is first seen: the best a client can know.
        var expiresAt = AnswerValues.FromUnixMilliseconds(data.ResultExpiresAt, "data.result_expires_at")
            ?? (AnswerValues.FromUnixSecondsOrMilliseconds(data.CompletedAt, "data.completed_at") ?? DateTimeOffset.UtcNow) + DocumentedLinkLifetime;

        return (data.Result?.Resources ?? [])
            .Where(r => !string.IsNullOrWhiteSpace(r.Url) && !IsPicture(r.Type))
            .Select(r => new VideoResult
            {
                Url = r.Url!,
                ExpiresAt = expiresAt,
                Format = r.Format,
                Width = AnswerValues.Pixels(r.Width, "data.result.resources[].width"),
                Height = AnswerValues.Pixels(r.Height, "data.result.resources[].height"),
            })
            .ToList();
    }

    /// <summary>
    /// A cover or thumbnail listed beside the video. Only a type that says so is left out: the video's own type is
    /// spelled several ways (video, mp4, video/mp4), and dropping one of those would end a paid success without a result.
    /// </summary>
    private static bool IsPicture(string? type) =>
        type is not null && (type.StartsWith("image", StringComparison.OrdinalIgnoreCase)
                             || type.Contains("cover", StringComparison.OrdinalIgnoreCase)
                             || type.Contains("thumb", StringComparison.OrdinalIgnoreCase));

    private static string FailureText(ModellixTaskData data)
    {
        if (data.Error is { } error)
        {
            if (error.ValueKind == JsonValueKind.String)
                return error.GetString() ?? "";
            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message))
                return message.ToString();
            if (error.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                return error.ToString();
        }
        return data.Message ?? $"Modellix reported the task as {data.Status}";
    }
}
