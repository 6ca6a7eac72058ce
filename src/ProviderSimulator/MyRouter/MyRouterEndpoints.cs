using Microsoft.AspNetCore.Mvc;
using ProviderSimulator.Api;
using ProviderSimulator.Callbacks;
using ProviderSimulator.Media;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.MyRouter;

/// <summary>MyRouter: Kling v3.0 Pro image-to-video under <c>/v3/async</c>, answering only a task id.</summary>
public static class MyRouterEndpoints
{
    private const string Model = "kling-v3.0-pro-i2v";

    /// <summary>Seconds a result link stays valid; MyRouter sends it as a string.</summary>
    private const long VideoUrlTtlSeconds = 86400;

    private static readonly MyRouterDialect Dialect = MyRouterDialect.Instance;

    /// <summary>Novita's webhook: the task-result body wrapped in an <c>ASYNC_TASK_RESULT</c> event.</summary>
    public static readonly CallbackStyle Webhook = new("extra.webhook.url", Body,
        payload => new { event_type = "ASYNC_TASK_RESULT", payload });

    public static IEndpointRouteBuilder MapMyRouter(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/async").RequireProviderKey(Dialect);

        api.MapPost($"/{Model}", (HttpContext http, TaskFlow flow) =>
            flow.SubmitAsync(http, Dialect, Model,
                // prompt and multi_prompt are alternatives: one of them carries the text.
                body => Require.Text(body, "image")
                        ?? (body.TryGetProperty("multi_prompt", out _) ? null : Require.Text(body, "prompt")),
                (task, _) => Results.Json(new { task_id = task.Id }),
                Webhook));

        api.MapGet("/task-result", (HttpContext http, [FromQuery(Name = "task_id")] string? taskId, TaskFlow flow) =>
            flow.Query(http, Dialect, taskId, Body));

        return app;
    }

    private static object Body(SimTask task, TaskSnapshot snapshot, string publicBase, SimulatorOptions options) =>
        Body(task, snapshot, publicBase, options, new AnswerNumbers(task.Behaviors));

    private static object Body(SimTask task, TaskSnapshot snapshot, string publicBase, SimulatorOptions options, AnswerNumbers numbers) => new
    {
        task = new
        {
            task_id = task.Id,
            task_type = Model,
            status = snapshot.Phase switch
            {
                TaskPhase.Pending => "TASK_STATUS_QUEUED",
                TaskPhase.Processing => "TASK_STATUS_PROCESSING",
                TaskPhase.Succeeded => "TASK_STATUS_SUCCEED",
                TaskPhase.Failed => "TASK_STATUS_FAILED",
                _ => Behaviors.UnknownStatus,
            },
            reason = snapshot.Phase != TaskPhase.Failed ? ""
                : task.Behaviors.HasFlag(Behavior.ServerSideFault) ? "internal service error, please retry"
                : "content moderation failed: the input image was rejected",
            eta = numbers.Of(snapshot.SecondsLeft),
            progress_percent = numbers.Percent(snapshot.Progress),
        },
        videos = snapshot.Phase == TaskPhase.Succeeded
            ? new[]
            {
                new
                {
                    video_url = MediaEndpoints.UrlFor(publicBase, task, options),
                    video_url_ttl = numbers.OfText(VideoUrlTtlSeconds),
                    video_type = "mp4",
                },
            }
            : [],
    };
}
