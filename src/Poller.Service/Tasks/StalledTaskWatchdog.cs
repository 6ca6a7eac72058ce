using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// A saga step is committed before the messages it sends leave the in-memory outbox, so a crash in that gap can
/// lose a task's next scheduled recheck. A healthy open task is touched at least every
/// <see cref="PollingOptions.StalledAfter"/>; this finds open tasks that were not and nudges each with a
/// recheck. The nudge carries no scheduling token, so the saga accepts it whatever its current token is;
/// a duplicate nudge only costs one extra status query. When nudges go unanswered (<see cref="UnansweredNudges"/>),
/// the process stops with a non-zero exit code so that its supervisor starts it again.
/// </summary>
public sealed class StalledTaskWatchdog(
    NpgsqlDataSource dataSource,
    IBus bus,
    IOptions<PollingOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<StalledTaskWatchdog> logger) : BackgroundService
{
    /// <summary>The exit code of a poller stopped because its consumers no longer take messages (EX_TEMPFAIL).</summary>
    public const int ConsumersDeadExitCode = 75;

    private readonly UnansweredNudges _unanswered = UnansweredNudges.ForRoundsOf(Period(options.Value));

    /// <summary>From the setting: looking often is cheap, and a short setting asks for quick recovery.</summary>
    private static TimeSpan Period(PollingOptions polling) => TimeSpan.FromSeconds(Math.Clamp(polling.StalledAfterSeconds / 3, 1, 30));

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var polling = options.Value;
        var stalledAfter = polling.StalledAfter;
        if (stalledAfter > TimeSpan.FromSeconds(polling.StalledAfterSeconds))
            logger.LogInformation("Polling:StalledAfterSeconds {Setting} s is within the longest planned wait {Longest}; open tasks count as stalled after {StalledAfter}",
                polling.StalledAfterSeconds, polling.LongestPlannedWait, stalledAfter);
        return PeriodicWork.RunAsync("Looking for stalled tasks", Period(polling), ct => NudgeStalledAsync(stalledAfter, ct), logger, stoppingToken);
    }

    private async Task NudgeStalledAsync(TimeSpan stalledAfter, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var stalled = (await connection.QueryAsync<Guid>(new CommandDefinition(
            $"""
            SELECT correlation_id FROM {PollerRegistration.VideoTaskTable.Name}
            WHERE current_state IN ('Pending', 'Processing') AND updated_at < now() - @stalledAfter
            LIMIT 1000
            """, new { stalledAfter }, cancellationToken: ct))).ToList();
        foreach (var requestId in stalled)
            await bus.Publish(new RecheckDue { RequestId = requestId }, ct);
        if (stalled.Count == 0)
        {
            _unanswered.ConsumersLookDead(0, null, time.GetUtcNow());
            return;
        }
        logger.LogWarning("Nudged {Count} task(s) with no activity for {StalledAfter}: their next recheck was lost", stalled.Count, stalledAfter);

        // Npgsql reads timestamptz as a UTC DateTime.
        var lastChange = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            $"SELECT max(updated_at) FROM {PollerRegistration.VideoTaskTable.Name}", cancellationToken: ct));
        var lastChangeUtc = lastChange is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        if (_unanswered.ConsumersLookDead(stalled.Count, lastChangeUtc, time.GetUtcNow()))
        {
            logger.LogCritical("No task has changed for {DeadAfter} while stalled ones were nudged: this poller's consumers take no messages; stopping with exit code {ExitCode} so that its supervisor starts it again",
                _unanswered.DeadAfter, ConsumersDeadExitCode);
            Environment.ExitCode = ConsumersDeadExitCode;
            lifetime.StopApplication();
        }
    }
}
