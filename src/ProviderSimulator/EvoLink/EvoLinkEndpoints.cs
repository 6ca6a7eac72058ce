using System.Text.Json;
using Microsoft.Extensions.Options;
using ProviderSimulator.Api;
using ProviderSimulator.Callbacks;
using ProviderSimulator.Media;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.EvoLink;

/// <summary>EvoLink: one generations route for every model (named in the body), task query under <c>/v1/tasks</c>.</summary>
public static class EvoLinkEndpoints
{
    private const string Model = "kling-v3-image-to-video";
    private const int DefaultDurationSeconds = 5;

    private static readonly EvoLinkDialect Dialect = EvoLinkDialect.Instance;

    /// <summary>EvoLink posts the task-query body itself to <c>callback_url</c>.</summary>
    public static readonly CallbackStyle Callback = new("callback_url", Body, body => body);

    public static IEndpointRouteBuilder MapEvoLink(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").RequireProviderKey(Dialect);

        api.MapPost("/videos/generations", (HttpContext http, TaskFlow flow, IOptions<SimulatorOptions> options) =>
            flow.SubmitAsync(http, Dialect, Model, FindProblem,
                // The submit answer is the task itself, as a query would show it at that instant.
                (task, request) => Results.Json(
                    Body(task, new TaskSnapshot(TaskPhase.Pending, 0, 0, null), request.PublicBase(), options.Value)),
                Callback));

        api.MapGet("/tasks/{id}", (HttpContext http, string id, TaskFlow flow) => flow.Query(http, Dialect, id, Body));

        return app;
    }

    private static string? FindProblem(JsonElement body) =>
        Require.Text(body, "model")
        ?? (body.GetProperty("model").GetString() == Model ? null : $"model must be {Model}: the simulator serves no other")
        ?? Require.Text(body, "image_start")
        // EvoLink's frames are URLs only (seed 004); an inline image is its certain 400.
        ?? Require.UrlIfPresent(body, "image_start")
        ?? Require.UrlIfPresent(body, "image_end")
        ?? EvoLinkModelParamsShape.Problem(body);

    private static object Body(SimTask task, TaskSnapshot snapshot, string publicBase, SimulatorOptions options) =>
        Body(task, snapshot, publicBase, options, new AnswerNumbers(task.Behaviors));

    private static object Body(SimTask task, TaskSnapshot snapshot, string publicBase, SimulatorOptions options, AnswerNumbers numbers) => new
    {
        created = numbers.Of(task.SubmittedAt.ToUnixTimeSeconds()),
        id = task.Id,
        model = task.Model,
        @object = "video.generation.task",
        progress = numbers.Percent(snapshot.Progress),
        status = snapshot.Phase switch
        {
            TaskPhase.Pending => "pending",
            TaskPhase.Processing => "processing",
            TaskPhase.Succeeded => "completed",
            TaskPhase.Failed => "failed",
            _ => Behaviors.UnknownStatus,
        },
        task_info = new
        {
            can_cancel = snapshot.Phase is TaskPhase.Pending or TaskPhase.Processing,
            // From the configured time, not the task's own: an estimate, as EvoLink's is.
            estimated_time = numbers.Of((long)Math.Ceiling(options.GenerationSeconds)),
        },
        usage = new { billing_rule = "per_second", credits_reserved = numbers.Of(BilledSeconds(task)), user_group = "default" },
        results = snapshot.Phase == TaskPhase.Succeeded ? new[] { MediaEndpoints.UrlFor(publicBase, task, options) } : null,
        error = snapshot.Phase != TaskPhase.Failed ? null
            : task.Behaviors.HasFlag(Behavior.ServerSideFault)
                ? new { code = "service_error", message = "The generation service failed, please retry" }
                : new { code = "content_policy_violation", message = "The input image was rejected by the content policy" },
    };

    /// <summary>EvoLink bills per second of requested duration; one credit a second keeps the figure easy to check.</summary>
    private static int BilledSeconds(SimTask task) =>
        task.Request.TryGetProperty("duration", out var duration)
        && duration.ValueKind == JsonValueKind.Number
        && duration.TryGetInt32(out var seconds)
            ? seconds
            : DefaultDurationSeconds;
}
