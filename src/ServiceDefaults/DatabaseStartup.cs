using Microsoft.Extensions.Logging;
using Npgsql;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Runs a service's idempotent schema script at start, waiting for PostgreSQL instead of crashing when it is
/// still coming up (compose starts everything at once; a restarted database takes a moment).
/// </summary>
public static class DatabaseStartup
{
    // One lock for every service's schema: CREATE ... IF NOT EXISTS run by two sessions at once fails in the
    // later one (the table's row type collides), so instances starting together on a new database take turns.
    public const long SchemaLockKey = 0x5649_4445_4f53_4348; // "VIDEOSCH"

    public static async Task EnsureSchemaAsync(NpgsqlDataSource dataSource, string schemaSql, ILogger logger, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunLockedAsync(dataSource, schemaSql, cancellationToken);
                return;
            }
            catch (Exception e) when (e is NpgsqlException { IsTransient: true } or TimeoutException && attempt < 60)
            {
                logger.LogWarning("PostgreSQL not ready (attempt {Attempt}): {Error}; retrying in {Delay}", attempt, e.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>The script in one transaction, under a lock held until it commits.</summary>
    private static async Task RunLockedAsync(NpgsqlDataSource dataSource, string schemaSql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey}); {schemaSql}", connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
