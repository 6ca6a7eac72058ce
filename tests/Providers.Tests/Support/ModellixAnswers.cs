using System.Net;
using System.Text;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>Modellix answers in the documented shape (see /work/shared/providers.md), as the simulator serves them.</summary>
internal static class ModellixAnswers
{
    public const string VideoUrl = "https://cdn.modellix.test/videos/task-42.mp4";
    public const long CompletedAtMs = 1_767_225_600_000;
    public const long ExpiresAtMs = CompletedAtMs + 24 * 3600 * 1000L;

    public static string Accepted(string taskId) =>
        $$$"""{"code":0,"message":"success","data":{"status":"pending","task_id":"{{{taskId}}}","model_id":"kling-v3-i2v"}}""";

    public static string Error(int code, string message) =>
        $$$"""{"code":{{{code}}},"message":"{{{message}}}"}""";

    public static string Task(string status, string taskId = "task-42") =>
        $$$"""{"code":0,"message":"success","data":{"task_id":"{{{taskId}}}","status":"{{{status}}}"}}""";

    public static string SucceededTask(string taskId = "task-42") =>
        $$$"""
        {"code":0,"message":"success","data":{"task_id":"{{{taskId}}}","status":"success",
         "result":{"resources":[{"url":"{{{VideoUrl}}}","type":"video","width":320,"height":240,"format":"mp4"}]},
         "result_expires_at":{{{ExpiresAtMs}}},"completed_at":{{{CompletedAtMs}}}}}
        """;

    public static string FailedTask(string error, string taskId = "task-42") =>
        $$$"""{"code":0,"message":"success","data":{"task_id":"{{{taskId}}}","status":"failed","error":"{{{error}}}","completed_at":{{{CompletedAtMs}}}}}""";

    public static HttpResponseMessage Response(HttpStatusCode status, string body, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (retryAfterSeconds is { } seconds)
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }
}
