using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>
/// Finds submits that a crash cut off mid-call (still "submitting" long after any call could last) and fails
/// them as unknown instead of resubmitting: the provider may have taken, and billed, the first call.
/// </summary>
public sealed class StaleSubmitSweeper(
    SubmissionStore store,
    IBus bus,
    IOptions<SubmitterOptions> options,
    ILogger<StaleSubmitSweeper> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var olderThan = TimeSpan.FromMinutes(options.Value.StaleSubmitMinutes);
        var period = TimeSpan.FromSeconds(Math.Clamp(olderThan.TotalSeconds / 2, 1, 60));
        return PeriodicWork.RunAsync("Stale submit sweep", period, ct => SweepAsync(olderThan, ct), logger, stoppingToken);
    }

    private async Task SweepAsync(TimeSpan olderThan, CancellationToken ct)
    {
        foreach (var stale in await store.FindStaleAsync(olderThan, ct))
        {
            const string reason = "the submitter stopped while calling the provider, so whether the provider took the task is unknown; " +
                                  "not resubmitted so it cannot be billed twice — check the provider's console";
            // Publish before marking: a crash in between repeats the event, which is harmless; the reverse would lose it.
            await bus.Publish(new TaskFailed
            {
                RequestId = stale.RequestId,
                Provider = stale.Provider,
                Model = stale.Model,
                ReasonCode = FailureReasons.SubmitUnknown,
                Reason = reason,
                FailedAt = DateTimeOffset.UtcNow,
            }, ct);
            await store.MarkFailedAsync(stale.RequestId, FailureReasons.SubmitUnknown, reason, ct);
            PlatformMetrics.RequestFinished(stale.Provider, stale.Model, PlatformMetrics.Outcomes.Failed, FailureReasons.SubmitUnknown);
            logger.LogWarning("Request {RequestId} was cut off mid-submit; failed it as {ReasonCode}", stale.RequestId, FailureReasons.SubmitUnknown);
        }
    }
}
