using Dapper;
using Npgsql;
using VideoPlatform.Poller.Persistence;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.DueChecks;

/// <summary>A task claimed for its due check: the saga as stored, and whether its previous claim went unanswered.</summary>
public sealed record ClaimedTask(VideoTaskState Task, DateTimeOffset ClaimedUntil, bool PreviousClaimUnanswered);

/// <summary>
/// Claims tasks whose next check is due, straight from the saga table. A claim moves the due time one check timeout
/// ahead and counts itself, in one statement: if the check it leads to is lost (the process dies before sending it,
/// or the message is lost), the task comes due again then. Rows locked by a saga step, or by another poller's claim,
/// are skipped, so several pollers can claim side by side.
/// </summary>
public sealed class DueTaskStore(NpgsqlDataSource dataSource)
{
    private static readonly PostgresSagaTable<VideoTaskState> Table = PollerRegistration.VideoTaskTable;

    public async Task<IReadOnlyList<ClaimedTask>> ClaimAsync(DateTimeOffset now, TimeSpan checkTimeout, int batchSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Data, DateTime DueAt, int Claims)>(new CommandDefinition(
            $"""
            UPDATE {Table.Name} t SET due_at = @claimedUntil, due_claims = t.due_claims + 1
            FROM (
                SELECT correlation_id FROM {Table.Name}
                WHERE due_at <= @now
                ORDER BY due_at
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED
            ) due
            WHERE t.correlation_id = due.correlation_id
            RETURNING t.data::text, t.due_at, t.due_claims
            """,
            new { now = now.ToUniversalTime(), claimedUntil = (now + checkTimeout).ToUniversalTime(), batchSize }, cancellationToken: ct));
        return rows.Select(r =>
        {
            var task = PostgresSagaSession<VideoTaskState>.Read(Table, r.Data, r.DueAt);
            return new ClaimedTask(task, task.NextCheckAt!.Value, r.Claims > 1);
        }).ToList();
    }

    /// <summary>
    /// Makes claimed tasks due again now, for checks that could not be sent. A task its saga wrote since the claim
    /// keeps what the saga decided.
    /// </summary>
    public async Task ReleaseAsync(IReadOnlyCollection<ClaimedTask> unsent, DateTimeOffset now, CancellationToken ct)
    {
        if (unsent.Count == 0)
            return;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table.Name} SET due_at = @now, due_claims = due_claims - 1
            WHERE correlation_id = ANY(@ids) AND due_claims > 0 AND due_at = @claimedUntil
            """,
            new
            {
                now = now.ToUniversalTime(),
                ids = unsent.Select(c => c.Task.CorrelationId).ToArray(),
                claimedUntil = unsent.First().ClaimedUntil.ToUniversalTime(),
            }, cancellationToken: ct));
    }

    /// <summary>The latest change any saga step made to any task.</summary>
    public async Task<DateTimeOffset?> LastTaskChangeAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var last = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition($"SELECT max(updated_at) FROM {Table.Name}", cancellationToken: ct));
        return last is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }
}
