using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using VideoPlatform.Providers.Callbacks;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Callbacks;

/// <summary>
/// Where providers call when a task ends (EvoLink <c>callback_url</c>, MyRouter's webhook). The body is never read:
/// anyone can reach this URL, so a call only asks the task's saga to check with the provider now. The provider's
/// own status API stays the one source of truth, a forged call costs one status query, and a lost one costs
/// nothing because polling continues.
/// </summary>
public static class ProviderCallbackEndpoints
{
    private static readonly Counter<long> Received = PlatformTelemetry.Meter.CreateCounter<long>(
        "video.callbacks", description: "Provider callbacks received, by provider and whether the provider name was known");

    public static IEndpointRouteBuilder MapProviderCallbacks(this IEndpointRouteBuilder app)
    {
        app.MapPost(CallbackUrls.RouteTemplate, async (string provider, Guid requestId, VideoModelCatalog catalog, IPublishEndpoint bus,
            CancellationToken cancellationToken) =>
        {
            var known = catalog.KnowsProvider(provider);
            Received.Add(1, new TagList { { PlatformTelemetry.Tags.Provider, known ? provider.ToLowerInvariant() : "unknown" } });
            if (!known)
                return Results.NotFound();

            Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, requestId);
            await bus.Publish(new ProviderCallbackReceived
            {
                RequestId = requestId,
                Provider = provider.ToLowerInvariant(),
                ReceivedAt = DateTimeOffset.UtcNow,
            }, cancellationToken);
            // 2xx whether or not the request exists: the answer tells a caller nothing about our tasks.
            return Results.Accepted();
        });
        return app;
    }
}
