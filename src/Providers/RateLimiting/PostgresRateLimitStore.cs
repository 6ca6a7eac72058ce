using Npgsql;

namespace VideoPlatform.Providers.RateLimiting;

/// <summary>
/// One row per provider key, shared by every submitter and poller instance: a token bucket refilled from the
/// database clock, taken from in a single locking statement, so instances on different machines never overspend.
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

    /// <summary>The same key as <c>DatabaseStartup.SchemaLockKey</c> (ServiceDefaults, which this project cannot
    /// reference); a test holds the two equal.</summary>
    public const long SchemaLockKey = 0x5649_4445_4f53_4348;

    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _schemaReady;

    public async Task<TimeSpan> TryTakeAsync(string key, RateBudget budget, ProviderCallKind kind, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
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
        await EnsureSchemaAsync(cancellationToken);
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

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
            return;
        await _schema.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
                return;
            // Under the lock every service's schema script takes (DatabaseStartup): CREATE ... IF NOT EXISTS run by two
            // sessions at once fails in the later one, and instances on a new database all get here together.
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey}); {Schema}", connection, transaction))
                    await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable
                                                  or PostgresErrorCodes.DuplicateObject)
            {
                // An instance of an older version, which takes no lock, created it at the same instant (a rolling upgrade).
            }
            _schemaReady = true;
        }
        finally
        {
            _schema.Release();
        }
    }
}
