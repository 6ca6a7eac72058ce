using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// Deletes tasks that ended (completed, failed, canceled, rejected, failed at submit) and have not changed for longer
/// than the retention; a status query for one then answers "not found". An open task is never deleted, however old.
/// </summary>
public sealed class EndedTaskRetention(
    NpgsqlDataSource dataSource,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<EndedTaskRetention> logger) : RetentionSweep(options, time, logger)
{
    // Named, not "anything but open": a state added later is kept until someone decides it has ended.
    internal static readonly string[] EndedStates =
    [
        nameof(VideoTaskStateMachine.Completed),
        nameof(VideoTaskStateMachine.Failed),
        nameof(VideoTaskStateMachine.Canceled),
        nameof(VideoTaskStateMachine.Rejected),
        nameof(VideoTaskStateMachine.FailedAtSubmit),
    ];

    protected override string What => "ended tasks";

    protected override async Task<int> DeleteBatchAsync(DateTimeOffset changedBefore, int batchSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Rows a saga step holds are skipped, and the outer condition is checked again on the row as it is when
        // deleted: a task that a late message moved meanwhile (a rejected request accepted after all) stays.
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM {PollerRegistration.VideoTaskTable.Name}
            WHERE correlation_id IN (
                SELECT correlation_id FROM {PollerRegistration.VideoTaskTable.Name}
                WHERE current_state = ANY(@endedStates) AND updated_at < @changedBefore
                LIMIT @batchSize FOR UPDATE SKIP LOCKED)
              AND current_state = ANY(@endedStates) AND updated_at < @changedBefore
            """,
            new { endedStates = EndedStates, changedBefore, batchSize }, cancellationToken: ct));
    }
}
