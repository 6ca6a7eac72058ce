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
/// traces from MassTransit, HttpClient and our own source; metrics from MassTransit's meter and ours;
/// OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; flushed when the host stops.
/// </summary>
public static class TelemetryRegistration
{
    public static IHostApplicationBuilder AddPlatformTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Environment.ApplicationName;
        var otlpEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

        builder.Services.AddSingleton(_ => OpenTelemetrySdk.Create(sdk =>
        {
            sdk.ConfigureResource(r => r.AddService(serviceName))
                .WithTracing(t => t.AddSource("MassTransit", "System.Net.Http", PlatformTelemetry.Name))
                .WithMetrics(m => m.AddMeter("MassTransit", PlatformTelemetry.Name));
            if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                sdk.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, new Uri(otlpEndpoint));
        }));
        builder.Services.AddHostedService<TelemetryLifetime>();
        return builder;
    }

    /// <summary>Starts the SDK with the host and flushes what is buffered when it stops.</summary>
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
