using System.Text.Json;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>EvoLink answers in the documented shape (the same for submit, query and callback).</summary>
internal static class EvoLinkAnswers
{
    public const string TaskId = "task-unified-1757169743-7cvnl5zw";

    /// <param name="progress">A number as documented, or any value a test needs to see handled (0 when not given).</param>
    public static string Task(string status, object? progress = null, object? results = null, object? error = null, object? taskInfo = null) =>
        JsonSerializer.Serialize(new
        {
            created = 1757169743,
            id = TaskId,
            model = "kling-v3-image-to-video",
            @object = "video.generation.task",
            progress = progress ?? 0,
            status,
            task_info = taskInfo ?? new { can_cancel = true, estimated_time = 300 },
            type = "video",
            usage = new { billing_rule = "per_second", credits_reserved = 5, user_group = "default" },
            results,
            error,
        });

    public static string Error(int code, string message, string type, string fallbackSuggestion = "") =>
        JsonSerializer.Serialize(new { error = new { code, message, type, param = "", fallback_suggestion = fallbackSuggestion } });
}
