using Dapper;
using Npgsql;
using VideoPlatform.Poller.Persistence;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.DueChecks;

/// <summary>A task claimed for its due check: the saga as stored, when it was due, until when the claim holds, and whether its previous claim went unanswered.</summary>
public sealed record ClaimedTask(VideoTaskState Task, DateTimeOffset WasDueAt, DateTimeOffset ClaimedUntil, bool PreviousClaimUnanswered);

/// <summary>
/// Claims open tasks whose next check is due, straight from the saga table. A claim moves the due time one check
/// timeout ahead and counts itself, in one statement: if the check it leads to is lost (the process dies before sending
/// it, or the message is lost), the task comes due again then. Rows locked by a saga step, or by another poller's
/// claim, are skipped, so several pollers can claim side by side.
/// </summary>
public sealed class DueTaskStore(NpgsqlDataSource dataSource, ILogger<DueTaskStore>? logger = null)
{
    private static readonly PostgresSagaTable<VideoTaskState> Table = PollerRegistration.VideoTaskTable;

    /// <summary>The saga's open states, the only ones checked; written as SQL.</summary>
    private const string OpenStates = "('Pending', 'Processing')";

    public async Task<IReadOnlyList<ClaimedTask>> ClaimAsync(DateTimeOffset now, TimeSpan checkTimeout, int batchSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Id, string Data, DateTime WasDue, DateTime DueAt, int Claims)>(new CommandDefinition(
            $"""
            UPDATE {Table.Name} t SET due_at = @claimedUntil, due_claims = t.due_claims + 1
            FROM (
                SELECT correlation_id, due_at AS was_due FROM {Table.Name}
                WHERE due_at <= @now AND current_state IN {OpenStates}
                ORDER BY due_at
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED
            ) due
            WHERE t.correlation_id = due.correlation_id
            RETURNING t.correlation_id, t.data::text, due.was_due, t.due_at, t.due_claims
            """,
            new { now = now.ToUniversalTime(), claimedUntil = (now + checkTimeout).ToUniversalTime(), batchSize }, cancellationToken: ct));
        var claimed = new List<ClaimedTask>();
        foreach (var row in rows)
        {
            try
            {
                var task = PostgresSagaSession<VideoTaskState>.Read(Table, row.Data, row.DueAt);
                claimed.Add(new ClaimedTask(task, Utc(row.WasDue), task.NextCheckAt!.Value, row.Claims > 1));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
            {
                // Claimed all the same, so it comes back once a check timeout and says so each time, without
                // holding back the others.
                logger?.LogError(e, "Task {RequestId} cannot be read from its row; its check is skipped", row.Id);
            }
        }
        return claimed;
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

    /// <summary>
    /// An open task always has a due time and an ended one never: except rows a poller of another version wrote (one
    /// that kept its checks as scheduled messages leaves open tasks without one). Those open ones are due now; ended
    /// ones lose theirs. Returns how many rows it fixed.
    /// </summary>
    public async Task<int> RepairDueTimesAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table.Name} SET due_at = @now
            WHERE due_at IS NULL AND current_state IN {OpenStates};
            UPDATE {Table.Name} SET due_at = NULL
            WHERE due_at IS NOT NULL AND current_state NOT IN {OpenStates};
            """,
            new { now = now.ToUniversalTime() }, cancellationToken: ct));
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
