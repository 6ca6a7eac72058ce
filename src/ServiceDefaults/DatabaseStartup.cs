using Microsoft.Extensions.Logging;
using Npgsql;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Runs a service's idempotent schema script at start, waiting for PostgreSQL instead of crashing when it is
/// still coming up (compose starts everything at once; a restarted database takes a moment).
/// </summary>
public static class DatabaseStartup
{
    public static async Task EnsureSchemaAsync(NpgsqlDataSource dataSource, string schemaSql, ILogger logger, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = dataSource.CreateCommand(schemaSql);
                await command.ExecuteNonQueryAsync(cancellationToken);
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
}
