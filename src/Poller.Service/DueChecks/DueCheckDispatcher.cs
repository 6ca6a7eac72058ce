using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.DueChecks;

/// <summary>
/// Claims due tasks in batches and sends each its check: the status query to the checker, or past the deadline the
/// saga's own timeout. Nothing timed lives anywhere but the saga's row, so a crash between a saga step and its sends
/// loses nothing: the task simply comes due. When claimed tasks keep coming back unanswered while this process takes no
/// message (<see cref="UnansweredChecks"/>), the process stops with <see cref="ConsumersDeadExitCode"/> so that its
/// supervisor starts it again.
/// </summary>
public sealed class DueCheckDispatcher(
    DueTaskStore store,
    IBus bus,
    IOptions<PollingOptions> options,
    IHostApplicationLifetime lifetime,
    ConsumeActivity consumed,
    TimeProvider time,
    ILogger<DueCheckDispatcher> logger) : BackgroundService
{
    /// <summary>The exit code of a poller stopped because its consumers no longer take messages (EX_TEMPFAIL).</summary>
    public const int ConsumersDeadExitCode = 75;

    private readonly PollingOptions _polling = options.Value;
    private readonly UnansweredChecks _unanswered = UnansweredChecks.ForCheckTimeout(options.Value.CheckTimeout);
    private DateTimeOffset _nextRepairAt = DateTimeOffset.MinValue;

    /// <summary>How often due times left by a poller of another version are looked for.</summary>
    private static readonly TimeSpan RepairEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(_polling.DueScanIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Sending due checks failed; the tasks stay due and are claimed again");
                claimed = 0;
                await Task.Delay(idle * 5, time, stoppingToken);
            }
            // A full batch means more are probably due: go again at once.
            if (claimed < _polling.DueScanBatchSize)
                await Task.Delay(idle, time, stoppingToken);
        }
    }

    /// <returns>How many tasks were claimed.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now >= _nextRepairAt)
        {
            if (await store.RepairDueTimesAsync(now, ct) is > 0 and var repaired)
                logger.LogWarning("Fixed the due time of {Count} task(s) written by a poller of another version", repaired);
            _nextRepairAt = now + RepairEvery;
        }
        var claims = await store.ClaimAsync(now, _polling.CheckTimeout, _polling.DueScanBatchSize, ct);
        if (claims.Count == 0)
            return 0;

        var unsent = new ConcurrentBag<ClaimedTask>();
        Exception? firstError = null;
        await Task.WhenAll(claims.Select(async claim =>
        {
            try
            {
                await SendAsync(claim, now, ct);
            }
            catch (Exception e)
            {
                unsent.Add(claim);
                Interlocked.CompareExchange(ref firstError, e, null);
            }
        }));
        if (firstError is not null)
        {
            // Due again at once rather than after a check timeout; if this fails too, the timeout brings them back.
            await store.ReleaseAsync(unsent.ToList(), now, CancellationToken.None);
            throw new InvalidOperationException($"{unsent.Count} of {claims.Count} due checks could not be sent", firstError);
        }

        WatchForDeadConsumers(claims.Count(c => c.PreviousClaimUnanswered), now);
        return claims.Count;
    }

    /// <summary>In the request's trace: the span that set the due time is the parent of the check it leads to.</summary>
    private async Task SendAsync(ClaimedTask claim, DateTimeOffset now, CancellationToken ct)
    {
        ActivityContext.TryParse(claim.Task.DueCheckTraceParent, null, isRemote: true, out var parent);
        using var span = PlatformTelemetry.ActivitySource.StartActivity("due check", ActivityKind.Internal, parent)
            ?.SetTag(PlatformTelemetry.Tags.RequestId, claim.Task.CorrelationId)
            .SetTag("video.due_check_delay_ms", Math.Round((now - claim.WasDueAt).TotalMilliseconds));
        await bus.Publish(CheckFor(claim.Task, _polling, now), ct);
    }

    /// <summary>What a due task is sent: its status query, or once past its deadline, the saga's own timeout.</summary>
    public static object CheckFor(VideoTaskState task, PollingOptions polling, DateTimeOffset now) =>
        now >= task.DeadlineAt ? new RecheckDue { RequestId = task.CorrelationId } : StatusChecks.Ask(task, polling, now);

    private void WatchForDeadConsumers(int reclaimed, DateTimeOffset now)
    {
        if (reclaimed == 0)
            return;
        logger.LogInformation("{Count} task(s) came due again with their last check unanswered after {CheckTimeout}", reclaimed, _polling.CheckTimeout);
        if (!_unanswered.ConsumersLookDead(reclaimed, consumed.LastConsumedAt, now))
            return;
        logger.LogCritical("This poller has taken no message for {DeadAfter} while checks went unanswered: its consumers take no messages; stopping with exit code {ExitCode} so that its supervisor starts it again",
            _unanswered.DeadAfter, ConsumersDeadExitCode);
        Environment.ExitCode = ConsumersDeadExitCode;
        lifetime.StopApplication();
    }
}
