using Npgsql;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>Creates the intake table before the bus starts taking commands.</summary>
internal sealed class SchemaInitializer(NpgsqlDataSource dataSource, ILogger<SchemaInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        DatabaseStartup.EnsureSchemaAsync(dataSource, SubmissionStore.Schema, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
