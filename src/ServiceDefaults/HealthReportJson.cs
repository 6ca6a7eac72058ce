using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// The ready probe's answer as JSON, so an operator sees which check failed:
/// <c>{"status":"Unhealthy","checks":[{"name":"masstransit-bus","status":"Unhealthy","description":"…","durationMs":3.1}]}</c>.
/// Only each check's own description: exception details stay in the logs.
/// </summary>
public static class HealthReportJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, Json));
    }
}
