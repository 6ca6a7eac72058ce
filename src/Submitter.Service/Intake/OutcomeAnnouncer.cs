using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter.Intake;

/// <summary>
/// Publishes a recorded outcome (TaskSubmitted or TaskFailed) straight to the broker, and marks it announced only
/// once the broker confirmed it. The record is the outbox: whatever is recorded and not yet marked is announced again,
/// by a redelivery or by the sweeper, so an accepted task always reaches the saga.
/// </summary>
public sealed class OutcomeAnnouncer(IBus bus, SubmissionStore store)
{
    public async Task AnnounceAsync(Submission outcome, CancellationToken ct)
    {
        var at = new DateTimeOffset(outcome.UpdatedAt, TimeSpan.Zero);
        switch (outcome.Status)
        {
            case SubmissionStatus.Submitted:
                await bus.Publish(new TaskSubmitted
                {
                    RequestId = outcome.RequestId,
                    Provider = outcome.Provider,
                    Model = outcome.Model,
                    ProviderTaskId = outcome.ProviderTaskId!,
                    SubmittedAt = at,
                    EstimatedSeconds = outcome.EstimatedSeconds,
                    Caller = outcome.Caller,
                    EstimatedCost = (double?)outcome.EstimatedCost,
                    Currency = outcome.EstimatedCost is null ? null : outcome.Currency,
                    ReroutesOnProviderFailure = outcome.ReroutesOnProviderFailure ? true : null,
                    ReroutedFrom = outcome.ReroutedFrom,
                }, ct);
                break;
            case SubmissionStatus.Failed:
                await bus.Publish(new TaskFailed
                {
                    RequestId = outcome.RequestId,
                    Provider = outcome.Provider,
                    Model = outcome.Model,
                    ProviderTaskId = outcome.ProviderTaskId,
                    ReasonCode = outcome.FailureCode ?? FailureReasons.ProviderRejected,
                    Reason = outcome.FailureReason ?? "",
                    FailedAt = at,
                }, ct);
                break;
            default:
                throw new InvalidOperationException($"Request {outcome.RequestId} has no outcome to announce yet ({outcome.Status})");
        }
        await store.MarkAnnouncedAsync(outcome.RequestId, outcome.Status, ct);
    }
}
