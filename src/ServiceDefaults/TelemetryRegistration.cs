using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// OpenTelemetry through the host (<c>AddOpenTelemetry()</c>): spans from MassTransit, incoming HTTP (not health
/// or scrape calls), outgoing HTTP, PostgreSQL and our own sources; metrics from MassTransit, the runtime, ASP.NET
/// Core, HttpClient and ours. Metrics are always served for scraping at <see cref="ScrapePath"/>; OTLP export is
/// on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and the SDK reads the other standard <c>OTEL_*</c> settings
/// (protocol, resource attributes, export interval) itself.
/// </summary>
public static class TelemetryRegistration
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string TracesExporterKey = "OTEL_TRACES_EXPORTER";
    public const string MetricsExporterKey = "OTEL_METRICS_EXPORTER";

    /// <summary>Where Prometheus scrapes every service, here and in docker compose alike.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>Meters .NET itself publishes: runtime (GC, threads, …), incoming and outgoing HTTP.</summary>
    private static readonly string[] BuiltInMeters = ["System.Runtime", "Microsoft.AspNetCore.Hosting", "System.Net.Http"];

    public static IHostApplicationBuilder AddPlatformTelemetry(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                // The service's own name only when the operator named none: resources added later win over the
                // OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES the SDK has already read.
                if (!NamesService(configuration))
                    r.AddService(builder.Environment.ApplicationName);
            })
            .WithTracing(t =>
            {
                t.AddSource("MassTransit", PlatformTelemetry.NamePattern)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsPlumbing(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp && Exports(configuration[TracesExporterKey]))
                    t.AddOtlpExporter(o => DefaultToHttp(o, configuration));
            })
            .WithMetrics(m =>
            {
                m.AddMeter("MassTransit", PlatformTelemetry.NamePattern)
                    .AddMeter(BuiltInMeters)
                    .AddPrometheusExporter();
                if (otlp && Exports(configuration[MetricsExporterKey]))
                    m.AddOtlpExporter(o => DefaultToHttp(o, configuration));
            });
        return builder;
    }

    /// <summary>Serves the metrics for Prometheus at <see cref="ScrapePath"/> (a host without telemetry has none to serve).</summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        if (app.Services.GetService<MeterProvider>() is not null)
            app.MapPrometheusScrapingEndpoint(ScrapePath);
        return app;
    }

    /// <summary>
    /// A database span only inside another span: the due-check loop's and sweepers' polling would otherwise start a root
    /// trace per query, burying the requests' traces.
    /// </summary>
    public static NpgsqlDataSourceBuilder TraceOnlyWithinSpans(this NpgsqlDataSourceBuilder builder) =>
        builder.ConfigureTracing(o => o
            .ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null)
            .ConfigureBatchFilter(_ => System.Diagnostics.Activity.Current is not null)
            .EnablePhysicalOpenTracing(false));

    /// <summary>
    /// OTLP/HTTP unless OTEL_EXPORTER_OTLP_PROTOCOL says otherwise: the standard's default, and what port 4318 of a
    /// collector expects (the .NET exporter on its own would speak gRPC).
    /// </summary>
    private static void DefaultToHttp(OtlpExporterOptions options, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[ProtocolKey]))
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
    }

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(ScrapePath);

    private static bool NamesService(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ServiceNameKey])
        || (configuration[ResourceAttributesKey] ?? "").Split(',').Any(a => a.Trim().StartsWith("service.name=", StringComparison.Ordinal));

    /// <summary>OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER: unset means OTLP (the standard's default); "none" turns it off.</summary>
    private static bool Exports(string? exporters) =>
        string.IsNullOrWhiteSpace(exporters)
        || exporters.Split(',').Any(e => e.Trim().Equals("otlp", StringComparison.OrdinalIgnoreCase));
}
