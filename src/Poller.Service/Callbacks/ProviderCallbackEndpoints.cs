using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers.Callbacks;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Callbacks;

/// <summary>
/// Where providers call when a task ends (EvoLink <c>callback_url</c>, MyRouter's webhook). The body is never read:
/// a call only asks the task's saga to check with the provider now, and the provider's own status API stays the one
/// source of truth. Each URL is signed for its provider and request (<see cref="CallbackUrls"/>): a call without a
/// valid token is answered 404 before it costs anything, and a valid one asks for at most one check per task per
/// interval (<see cref="CallbackThrottle"/>). A lost call costs nothing because polling continues.
/// </summary>
public static class ProviderCallbackEndpoints
{
    private static readonly Counter<long> Received = PlatformTelemetry.Meter.CreateCounter<long>(
        "video.callbacks", description: "Provider callbacks received, by outcome: refused (no valid token), throttled, or accepted (an early check asked for)");

    private const string RedactedToken = "[token]";

    public static IEndpointRouteBuilder MapProviderCallbacks(this IEndpointRouteBuilder app)
    {
        var throttle = ActivatorUtilities.CreateInstance<CallbackThrottle>(app.ServiceProvider);
        app.MapPost(CallbackUrls.RouteTemplate, async (string provider, Guid requestId, string? token, CallbackUrls urls, IPublishEndpoint bus,
            CancellationToken cancellationToken) =>
        {
            // The token is a credential for its task: the request's span keeps the path without it.
            Activity.Current?.SetTag("url.path", $"/callbacks/{provider}/{requestId:D}/{RedactedToken}");
            // The provider name of a refused call is the caller's choice: never a metric tag.
            if (!urls.Accepts(provider, requestId, token))
                return Count("refused", "unverified", Results.NotFound());
            var signedProvider = provider.ToLowerInvariant();
            if (!throttle.TryAdmit(requestId))
                return Count("throttled", signedProvider, Results.Accepted());

            Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, requestId);
            await bus.Publish(new ProviderCallbackReceived
            {
                RequestId = requestId,
                Provider = signedProvider,
                ReceivedAt = DateTimeOffset.UtcNow,
            }, cancellationToken);
            // 2xx whether or not the request still exists: the answer tells a caller nothing about our tasks.
            return Count("accepted", signedProvider, Results.Accepted());
        });
        return app;
    }

    private static IResult Count(string outcome, string provider, IResult answer)
    {
        Received.Add(1, new TagList { { PlatformTelemetry.Tags.Provider, provider }, { PlatformTelemetry.Tags.Outcome, outcome } });
        return answer;
    }
}
