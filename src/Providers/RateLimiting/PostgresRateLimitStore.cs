using Npgsql;

namespace VideoPlatform.Providers.RateLimiting;

/// <summary>
/// One row per provider key, shared by every submitter and poller instance: a token bucket refilled from the
/// database clock, taken from in a single locking statement, so instances on different machines never overspend.
/// The table is created at start by the schema initializer of each service that uses this store (<see cref="Schema"/>
/// with its other tables); used without it, a call fails with PostgreSQL's undefined-table error.
/// </summary>
public sealed class PostgresRateLimitStore(NpgsqlDataSource dataSource) : IRateLimitStore
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS provider_rate_limits (
            key           text PRIMARY KEY,
            tokens        double precision NOT NULL,
            refilled_at   timestamptz NOT NULL,
            blocked_until timestamptz NOT NULL
        );
        """;

    // Refill, then take one token if enough are there, all under the row lock; the answer says what was found.
    private const string Take = """
        WITH clock AS (SELECT clock_timestamp() AS now),
        found AS (
            SELECT r.key, r.blocked_until, clock.now,
                   LEAST(@capacity, r.tokens + GREATEST(0, EXTRACT(EPOCH FROM clock.now - r.refilled_at)) * @rate) AS available
            FROM provider_rate_limits r, clock
            WHERE r.key = @key
            FOR UPDATE OF r)
        UPDATE provider_rate_limits r
        SET tokens = CASE WHEN found.blocked_until <= found.now AND found.available >= @needed THEN found.available - 1 ELSE found.available END,
            refilled_at = GREATEST(found.now, r.refilled_at)
        FROM found
        WHERE r.key = found.key
        RETURNING found.available, EXTRACT(EPOCH FROM found.blocked_until - found.now)::double precision AS blocked_seconds
        """;

    private const string Create = """
        INSERT INTO provider_rate_limits (key, tokens, refilled_at, blocked_until)
        VALUES (@key, @capacity, clock_timestamp(), 'epoch')
        ON CONFLICT (key) DO NOTHING
        """;

    // Empty and blocked until then; refilling starts when the block ends.
    private const string Block = """
        INSERT INTO provider_rate_limits (key, tokens, refilled_at, blocked_until)
        VALUES (@key, 0, clock_timestamp() + @wait, clock_timestamp() + @wait)
        ON CONFLICT (key) DO UPDATE SET
            tokens = 0,
            refilled_at = GREATEST(provider_rate_limits.refilled_at, EXCLUDED.refilled_at),
            blocked_until = GREATEST(provider_rate_limits.blocked_until, EXCLUDED.blocked_until)
        """;

    public async Task<TimeSpan> TryTakeAsync(string key, RateBudget budget, ProviderCallKind kind, CancellationToken cancellationToken)
    {
        var needed = budget.Needed(kind);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var command = dataSource.CreateCommand(Take);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("capacity", budget.Capacity);
            command.Parameters.AddWithValue("rate", budget.TokensPerSecond);
            command.Parameters.AddWithValue("needed", needed);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var available = reader.GetDouble(0);
                var blockedSeconds = reader.GetDouble(1);
                if (blockedSeconds > 0)
                    return TimeSpan.FromSeconds(blockedSeconds);
                return available >= needed ? TimeSpan.Zero : budget.TimeUntil(available, kind);
            }
            await reader.DisposeAsync();
            await CreateAsync(key, budget, cancellationToken);
        }
        throw new InvalidOperationException($"rate limit row for {key} could not be created");
    }

    public async Task SlowDownAsync(string key, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Block);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("wait", retryAfter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CreateAsync(string key, RateBudget budget, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Create);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("capacity", budget.Capacity);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
