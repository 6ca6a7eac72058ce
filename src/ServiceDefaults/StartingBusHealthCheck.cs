using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// MassTransit's bus check, except that until the bus has been healthy once a failure reports Degraded: every start
/// meets a readiness probe or two before the broker connection is up, and that is not worth an Error line. After
/// the first healthy answer the check is passed through as it is, so a broker lost later still logs at Error.
/// The ready endpoint answers 503 for Degraded as for Unhealthy.
/// </summary>
internal sealed class StartingBusHealthCheck(IHealthCheck bus, StartingBusHealthCheck.Started started) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await bus.CheckHealthAsync(context, cancellationToken);
        if (result.Status == HealthStatus.Healthy)
            started.Seen = true;
        return result.Status == HealthStatus.Unhealthy && !started.Seen
            ? HealthCheckResult.Degraded($"starting: {result.Description}", result.Exception, result.Data)
            : result;
    }

    /// <summary>Whether the bus has been healthy since the process started (checks are created per probe).</summary>
    internal sealed class Started
    {
        public volatile bool Seen;
    }

    /// <summary>Wraps the bus checks MassTransit registers (tagged "masstransit").</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<Started>();
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Tags.Contains("masstransit")))
            {
                var inner = registration.Factory;
                registration.Factory = provider => new StartingBusHealthCheck(inner(provider), provider.GetRequiredService<Started>());
            }
        });
    }
}
