using Npgsql;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>Creates the intake and rate-limit tables before the bus starts taking commands.</summary>
internal sealed class SchemaInitializer(NpgsqlDataSource dataSource, ILogger<SchemaInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        DatabaseStartup.EnsureSchemaAsync(dataSource, SubmissionStore.Schema + PostgresRateLimitStore.Schema, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
