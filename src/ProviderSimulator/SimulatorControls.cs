using ProviderSimulator.Tasks;

namespace ProviderSimulator;

/// <summary>Test-only routes under <c>/_sim</c>; no key, as they belong to no provider.</summary>
public static class SimulatorControls
{
    public static IEndpointRouteBuilder MapSimulatorControls(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_sim/stats", (TaskStore store) => store.Stats());
        app.MapPost("/_sim/reset", (TaskStore store) =>
        {
            store.Reset();
            return Results.NoContent();
        });
        return app;
    }
}
