using System.Text.Json;
using ProviderSimulator.Api;
using ProviderSimulator.Media;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Modellix;

/// <summary>Modellix: three Kling models submitted under <c>/api/v1</c>, one task query for all of them.</summary>
public static class ModellixEndpoints
{
    private static readonly ModellixDialect Dialect = ModellixDialect.Instance;

    public static IEndpointRouteBuilder MapModellix(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireProviderKey(Dialect);

        api.MapPost("/kling/kling-v3-i2v/async",
            Submit("kling-v3-i2v", body => Require.Text(body, "image") ?? Require.Text(body, "prompt")));
        api.MapPost("/image-to-video/kling/kling-v1.6-mi2v/async",
            Submit("kling-v1.6-mi2v", body => Require.NonEmptyArray(body, "image_list") ?? Require.Text(body, "prompt")));
        api.MapPost("/kling/kling-video-o1/async",
            Submit("kling-video-o1", body => Require.Text(body, "prompt")));

        api.MapGet("/tasks/{taskId}", (HttpContext http, string taskId, TaskFlow flow) =>
            flow.Query(http, Dialect, taskId, Body));

        return app;
    }

    private static Func<HttpContext, TaskFlow, Task<IResult>> Submit(string model, Func<JsonElement, string?> findProblem) =>
        (http, flow) => flow.SubmitAsync(http, Dialect, model, findProblem, Accepted);

    private static IResult Accepted(SimTask task, HttpRequest request) => Results.Json(new
    {
        code = 0,
        message = "success",
        data = new
        {
            status = "pending",
            task_id = task.Id,
            model_id = task.Model,
            get_result = new { method = "GET", url = request.Absolute($"/api/v1/tasks/{task.Id}") },
        },
    });

    private static object Body(SimTask task, TaskSnapshot snapshot, string publicBase, SimulatorOptions options)
    {
        var succeeded = snapshot.Phase == TaskPhase.Succeeded;
        var numbers = new AnswerNumbers(task.Behaviors);
        var inSeconds = task.Behaviors.HasFlag(Behavior.TimesInSeconds);
        return new
        {
            code = 0,
            message = "success",
            data = new
            {
                task_id = task.Id,
                model_id = task.Model,
                status = snapshot.Phase switch
                {
                    TaskPhase.Pending => "pending",
                    TaskPhase.Processing => "processing",
                    TaskPhase.Succeeded => "success",
                    TaskPhase.Failed => "failed",
                    _ => Behaviors.UnknownStatus,
                },
                result = succeeded ? new { resources = Resources(task, publicBase, options, numbers) } : null,
                result_expires_at = succeeded && !inSeconds ? numbers.Of(snapshot.CompletedAt?.AddHours(24).ToUnixTimeMilliseconds()) : null,
                completed_at = numbers.Of(inSeconds ? snapshot.CompletedAt?.ToUnixTimeSeconds() : snapshot.CompletedAt?.ToUnixTimeMilliseconds()),
                error = snapshot.Phase == TaskPhase.Failed
                    ? task.Behaviors.HasFlag(Behavior.ServerSideFault)
                        ? "Generation failed: internal service error, please retry"
                        : "Generation failed: the input did not pass content moderation"
                    : null,
            },
        };
    }

    /// <summary>The video, with a cover listed before it when a test asks (<see cref="Behavior.ResourcesMixed"/>).</summary>
    private static object[] Resources(SimTask task, string publicBase, SimulatorOptions options, AnswerNumbers numbers)
    {
        var mixed = task.Behaviors.HasFlag(Behavior.ResourcesMixed);
        var video = new
        {
            url = MediaEndpoints.UrlFor(publicBase, task, options),
            type = mixed ? "video/mp4" : "video",
            width = numbers.Of(SampleVideo.Width),
            height = numbers.Of(SampleVideo.Height),
            format = "mp4",
        };
        if (!mixed)
            return [video];
        // Nothing is served there: a client that keeps the cover as a result fails on it.
        var cover = new { url = $"{publicBase}/media/{task.Id}-cover.jpg", type = "cover", width = video.width, height = video.height, format = "jpg" };
        return [cover, video];
    }
}
