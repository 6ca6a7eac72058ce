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
            PollerRegistration.VideoTaskTable.Schema + OpenTasksWithoutDueTime + PostgresRateLimitStore.Schema,
            logger,
            cancellationToken);

    /// <summary>
    /// Open tasks from a poller that kept its rechecks as scheduled messages have no due time yet: they are due now.
    /// (Any other open task always has one.)
    /// </summary>
    private static readonly string OpenTasksWithoutDueTime = $"""
        UPDATE {PollerRegistration.VideoTaskTable.Name} SET due_at = now()
        WHERE due_at IS NULL AND current_state IN ('Pending', 'Processing');
        """;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
