using Dapper;
using Npgsql;

namespace VideoPlatform.Poller.Scheduling;

/// <summary>
/// Scheduled messages in PostgreSQL. A batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several pollers
/// share the work without sending one message twice, and deleted in the same transaction after sending.
/// </summary>
public sealed class PostgresScheduledMessageStore(NpgsqlDataSource dataSource) : IScheduledMessageStore
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS scheduled_messages (
            token_id      uuid PRIMARY KEY,
            due_at        timestamptz NOT NULL,
            destination   text NOT NULL,
            content_type  text NOT NULL,
            message_types text NOT NULL,
            body          text NOT NULL,
            headers_json  text NOT NULL
        );
        CREATE INDEX IF NOT EXISTS scheduled_messages_due ON scheduled_messages (due_at);
        """;

    public async Task UpsertAsync(ScheduledMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO scheduled_messages (token_id, due_at, destination, content_type, message_types, body, headers_json)
            VALUES (@TokenId, @DueAt, @Destination, @ContentType, @MessageTypes, @Body, @HeadersJson)
            ON CONFLICT (token_id) DO UPDATE SET
                due_at = excluded.due_at, destination = excluded.destination, content_type = excluded.content_type,
                message_types = excluded.message_types, body = excluded.body, headers_json = excluded.headers_json
            """, message, cancellationToken: cancellationToken));
    }

    public async Task CancelAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scheduled_messages WHERE token_id = @tokenId", new { tokenId }, cancellationToken: cancellationToken));
    }

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    public async Task<int> DispatchDueAsync(
        int batchSize,
        Func<ScheduledMessage, CancellationToken, Task> send,
        Action<ScheduledMessage, Exception> onSendFailed,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = (await connection.QueryAsync<ScheduledMessage>(new CommandDefinition("""
            SELECT token_id AS TokenId, due_at AS DueAt, destination, content_type AS ContentType,
                   message_types AS MessageTypes, body, headers_json AS HeadersJson
            FROM scheduled_messages
            WHERE due_at <= now()
            ORDER BY due_at
            LIMIT @batchSize
            FOR UPDATE SKIP LOCKED
            """, new { batchSize }, transaction, cancellationToken: cancellationToken))).ToList();
        if (due.Count == 0)
            return 0;

        // Sent concurrently: each send waits for the broker's publisher confirm, so one at a time caps the rate.
        var outcomes = await Task.WhenAll(due.Select(async message =>
        {
            try
            {
                await send(message, cancellationToken);
                return (message.TokenId, Sent: true);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One undeliverable message must not hold back the batch: it waits and is tried again.
                onSendFailed(message, e);
                return (message.TokenId, Sent: false);
            }
        }));
        var sent = outcomes.Where(o => o.Sent).Select(o => o.TokenId).ToArray();
        var failed = outcomes.Where(o => !o.Sent).Select(o => o.TokenId).ToArray();

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scheduled_messages WHERE token_id = ANY(@sent)",
            new { sent }, transaction, cancellationToken: cancellationToken));
        if (failed.Length > 0)
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE scheduled_messages SET due_at = now() + @retryDelay WHERE token_id = ANY(@failed)",
                new { failed, retryDelay = RetryDelay }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
