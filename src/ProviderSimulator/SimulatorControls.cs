using Microsoft.Extensions.Options;
using ProviderSimulator.Callbacks;
using ProviderSimulator.Limits;
using ProviderSimulator.Tasks;

namespace ProviderSimulator;

/// <summary>Test-only routes under <c>/_sim</c>; no key, as they belong to no provider.</summary>
public static class SimulatorControls
{
    public static IEndpointRouteBuilder MapSimulatorControls(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_sim/stats", (TaskStore store, CallbackDispatcher callbacks, RequestLimits limits) => new SimStats(
            store.Submits,
            store.SubmitsByRequest(),
            store.Queries,
            store.TaskCount,
            store.MediaRequests(),
            callbacks.Delivered,
            callbacks.Failed,
            limits.RateLimited,
            limits.PeakRequestsPerMinute(),
            store.SubmitsHung,
            store.SubmitsInFlight,
            store.DownloadsInFlight,
            store.AcceptedByRequest(),
            store.CutMidCallByRequest(),
            store.AnsweredAtByRequest(),
            store.Videos()));

        // Serialised as it is enumerated, in the order recorded: one pass, and the list is never built whole.
        app.MapGet("/_sim/tasks", (TaskStore store, TimeProvider clock, IOptions<SimulatorOptions> options) =>
        {
            var now = clock.GetUtcNow();
            return store.Tasks.Select(t => TaskView.Of(t, options.Value, now));
        });

        // The body as the provider received it, so a test sees what an adapter sent (EvoLink's model_params, say).
        app.MapGet("/_sim/tasks/{id}/request", (string id, TaskStore store) =>
            store.Find(id) is { } task ? Results.Json(task.Request) : Results.NotFound());

        app.MapPost("/_sim/reset", (TaskStore store, CallbackDispatcher callbacks, RequestLimits limits) =>
        {
            // Callbacks first, so none of the cleared tasks is still delivered afterwards.
            callbacks.Reset();
            store.Reset();
            limits.Reset();
            return Results.NoContent();
        });
        return app;
    }
}
