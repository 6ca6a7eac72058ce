using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Registers the OpenTelemetry SDK with the host (OpenTelemetry.Extensions.Hosting is not available here):
/// traces from MassTransit, HttpClient and our own sources; metrics from MassTransit's meter and ours;
/// OTLP/HTTP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; flushed when the host stops.
/// </summary>
public static class TelemetryRegistration
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddPlatformTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Environment.ApplicationName;
        var otlpEndpoint = builder.Configuration[OtlpEndpointKey];

        builder.Services.AddSingleton(sp =>
        {
            var extensions = sp.GetServices<TelemetryExtension>().ToList();
            return OpenTelemetrySdk.Create(sdk =>
            {
                sdk.ConfigureResource(r => r.AddService(serviceName))
                    .WithTracing(t =>
                    {
                        t.AddSource("MassTransit", "System.Net.Http", PlatformTelemetry.NamePattern);
                        extensions.ForEach(e => e.Tracing?.Invoke(t));
                    })
                    .WithMetrics(m =>
                    {
                        m.AddMeter("MassTransit", PlatformTelemetry.NamePattern);
                        extensions.ForEach(e => e.Metrics?.Invoke(m));
                    });
                // UseOtlpExporter appends /v1/traces and /v1/metrics to the base address itself.
                if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                    sdk.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, new Uri(otlpEndpoint));
            });
        });
        builder.Services.AddHostedService<TelemetryLifetime>();
        return builder;
    }

    /// <summary>
    /// Creates the SDK as the host starts (before the bus, so its first spans are seen) and flushes what is
    /// buffered when it stops. Registered first, so it is stopped last, after the bus.
    /// </summary>
    private sealed class TelemetryLifetime(OpenTelemetrySdk sdk) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            sdk.TracerProvider.ForceFlush(5000);
            sdk.MeterProvider.ForceFlush(5000);
            return Task.CompletedTask;
        }
    }
}
