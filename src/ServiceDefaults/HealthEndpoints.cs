using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace VideoPlatform.ServiceDefaults;

public static class HealthEndpoints
{
    /// <summary>Tag for checks that must pass before a service takes work (bus, database).</summary>
    public const string ReadyTag = "ready";

    /// <summary><c>/health/live</c>: the process runs. <c>/health/ready</c>: bus and database answer.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
