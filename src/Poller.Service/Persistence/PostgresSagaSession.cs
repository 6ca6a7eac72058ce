using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;

namespace VideoPlatform.Poller.Persistence;

/// <summary>
/// One message's unit of work on saga rows: a connection and a transaction, committed only after the saga
/// step succeeded. Loaded rows are locked (<c>FOR UPDATE</c>) so a second poller handling an event for the same
/// task waits instead of advancing it from stale state; the version check guards any path that did not lock.
/// </summary>
public sealed class PostgresSagaSession<TSaga> : IAsyncDisposable
    where TSaga : class, ISagaVersion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PostgresSagaTable<TSaga> _table;

    private PostgresSagaSession(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresSagaTable<TSaga> table)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
    }

    public static async Task<PostgresSagaSession<TSaga>> BeginAsync(NpgsqlDataSource dataSource, PostgresSagaTable<TSaga> table, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            return new PostgresSagaSession<TSaga>(connection, transaction, table);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<TSaga?> LoadAsync(Guid correlationId, bool forUpdate, CancellationToken ct)
    {
        var row = await _connection.QuerySingleOrDefaultAsync<(string Data, DateTime? DueAt)>(new CommandDefinition(
            $"SELECT data::text, due_at FROM {_table.Name} WHERE correlation_id = @correlationId{(forUpdate ? " FOR UPDATE" : "")}",
            new { correlationId }, _transaction, cancellationToken: ct));
        return row.Data is null ? null : Read(_table, row.Data, row.DueAt);
    }

    /// <summary>The instance from its row: the document, with the due time from its own column.</summary>
    /// <param name="dueAt">As Npgsql reads timestamptz: a UTC <see cref="DateTime"/>.</param>
    public static TSaga Read(PostgresSagaTable<TSaga> table, string data, DateTime? dueAt)
    {
        var saga = JsonSerializer.Deserialize<TSaga>(data, Json)!;
        table.SetDueAt(saga, dueAt is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null);
        return saga;
    }

    public async Task InsertAsync(TSaga saga, CancellationToken ct)
    {
        saga.Version = 1;
        try
        {
            await _connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {_table.Name} (correlation_id, current_state, version, data, due_at) VALUES (@id, @state, 1, @data::jsonb, @dueAt)",
                new { id = saga.CorrelationId, state = _table.StateOf(saga), data = JsonSerializer.Serialize(saga, Json), dueAt = _table.DueAtOf(saga)?.ToUniversalTime() },
                _transaction, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A duplicate first event created the instance meanwhile: retrying the message loads it instead.
            throw new ConcurrencyException($"{typeof(TSaga).Name} {saga.CorrelationId} was created concurrently", typeof(TSaga), saga.CorrelationId, e);
        }
    }

    public async Task UpdateAsync(TSaga saga, CancellationToken ct)
    {
        var expected = saga.Version;
        saga.Version = expected + 1;
        var updated = await _connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {_table.Name}
            SET current_state = @state, version = @next, data = @data::jsonb, due_at = @dueAt, due_claims = 0, updated_at = now()
            WHERE correlation_id = @id AND version = @expected
            """,
            new
            {
                id = saga.CorrelationId, state = _table.StateOf(saga), next = saga.Version, expected,
                data = JsonSerializer.Serialize(saga, Json), dueAt = _table.DueAtOf(saga)?.ToUniversalTime(),
            },
            _transaction, cancellationToken: ct));
        if (updated == 0)
            throw new ConcurrencyException($"{typeof(TSaga).Name} {saga.CorrelationId} changed since version {expected}", typeof(TSaga), saga.CorrelationId);
    }

    public Task DeleteAsync(TSaga saga, CancellationToken ct) =>
        _connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {_table.Name} WHERE correlation_id = @id", new { id = saga.CorrelationId }, _transaction, cancellationToken: ct));

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
