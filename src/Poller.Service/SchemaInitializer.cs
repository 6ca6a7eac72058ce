using Npgsql;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller;

/// <summary>Creates the poller's tables, the rate-limit table among them, before the bus starts.</summary>
internal sealed class SchemaInitializer(NpgsqlDataSource dataSource, ILogger<SchemaInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        DatabaseStartup.EnsureSchemaAsync(
            dataSource,
            PollerRegistration.VideoTaskTable.Schema + PostgresRateLimitStore.Schema,
            logger,
            cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
