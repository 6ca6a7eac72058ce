using Microsoft.Extensions.Options;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>
/// Settles what no delivery will: calls whose holder died mid-call (lease run out) are failed as unknown instead of
/// resubmitted, since the provider may have taken and billed the first call; outcomes recorded but never confirmed
/// by the broker are announced. A lease is judged only after the database has been reachable for a whole lease
/// length, so holders that were alive through an outage have renewed first.
/// </summary>
public sealed class StaleSubmitSweeper(
    SubmissionStore store,
    ExistingSubmissions settle,
    IOptions<SubmitterOptions> options,
    TimeProvider time,
    ILogger<StaleSubmitSweeper> logger) : BackgroundService
{
    private DateTimeOffset? _reachableSince;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = options.Value.Lease;
        // Shorter than a quarter lease, so any outage long enough to expire a lease is seen by this sweeper.
        var period = TimeSpan.FromSeconds(Math.Clamp(lease.TotalSeconds / 5, 0.5, 30));
        return PeriodicWork.RunAsync("Stale submit sweep", period, ct => SweepOnceAsync(lease, ct), logger, stoppingToken);
    }

    public async Task SweepOnceAsync(TimeSpan lease, CancellationToken ct)
    {
        IReadOnlyList<Submission> cutOff;
        try
        {
            cutOff = await store.FindCutOffCallsAsync(time.GetUtcNow(), ct);
        }
        catch (Exception e) when (TransientFaults.IsTransient(e))
        {
            _reachableSince = null;
            throw;
        }
        var now = time.GetUtcNow();
        _reachableSince ??= now;
        if (now - _reachableSince >= lease)
            foreach (var call in cutOff)
                await settle.FailCutOffCallAsync(call, ct);

        foreach (var outcome in await store.FindUnannouncedAsync(time.GetUtcNow() - lease, ct))
            await settle.AnnounceRecordedAsync(outcome.RequestId, ct);
    }
}
