using System.Text.Json;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>MyRouter (Novita) answers in the documented shape.</summary>
internal static class MyRouterAnswers
{
    public const string TaskId = "7f1c0c4e-5b3a-4c1e-9d7a-2f0e1b6c8a90";
    public const string VideoUrl = "https://files.myrouter.test/out/7f1c0c4e.mp4";

    public static string TaskResult(string status, string reason = "", int eta = 0, int progress = 0, object[]? videos = null) =>
        JsonSerializer.Serialize(new
        {
            task = new { task_id = TaskId, task_type = "kling-v3.0-pro-i2v", status, reason, eta, progress_percent = progress },
            videos = videos ?? [],
        });

    public static object Video(object? ttl) => new { video_url = VideoUrl, video_url_ttl = ttl, video_type = "mp4" };

    public static string Error(int code, string reason, string message) =>
        JsonSerializer.Serialize(new { code, reason, message, metadata = new { } });
}
