using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Extra tracing or metrics setup applied on top of the platform's (another exporter, a processor, a test's
/// collector). The SDK keeps its own service container, so this is how a host reaches it.
/// </summary>
public sealed record TelemetryExtension(Action<TracerProviderBuilder>? Tracing = null, Action<MeterProviderBuilder>? Metrics = null);

public static class TelemetryExtensionRegistration
{
    public static IServiceCollection AddTelemetryExtension(this IServiceCollection services, TelemetryExtension extension) =>
        services.AddSingleton(extension);
}
