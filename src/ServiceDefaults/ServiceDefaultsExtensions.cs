using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every service shares: JSON logs with trace ids and scopes, telemetry, health checks.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // Every line logged inside a span carries its TraceId and SpanId (as a scope), so a log search by trace id
        // finds what each service said about one request; consumers add a RequestId scope (RequestIdScopeFilter).
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.AddPlatformTelemetry();
        builder.Services.AddHealthChecks();
        return builder;
    }
}
