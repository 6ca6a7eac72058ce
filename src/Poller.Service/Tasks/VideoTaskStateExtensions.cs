using System.Diagnostics;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tasks;

internal static class VideoTaskStateExtensions
{
    public static void Start(this VideoTaskState saga, TaskSubmitted submitted, PollingOptions polling)
    {
        saga.Provider = submitted.Provider;
        saga.Model = submitted.Model;
        saga.ProviderTaskId = submitted.ProviderTaskId;
        saga.SubmittedAt = submitted.SubmittedAt;
        saga.Caller = submitted.Caller;
        saga.EstimatedCost = submitted.EstimatedCost;
        saga.Currency = submitted.Currency;
        saga.DeadlineAt = submitted.SubmittedAt + polling.Deadline;
        saga.ReroutesOnProviderFailure = submitted.ReroutesOnProviderFailure == true;
        // A task taken over from a rerouted one starts afresh: nothing the first provider said carries over.
        saga.ProviderCredits = null;
        saga.ProviderCanCancel = null;
        saga.ProgressPercent = null;
        saga.ProgressObservedAt = null;
        saga.ChecksPastExpected = 0;
        saga.NotFoundInARow = 0;
        saga.LastRawStatus = null;
        saga.QueuePosition = null;
        // A request rejected earlier under the same id leaves its reason behind; an accepted one has none.
        saga.FinishedAt = null;
        saga.FailureCode = null;
        saga.FailureReason = null;
        var expectation = RecheckPlanner.ExpectedAtSubmit(submitted, polling);
        saga.ExpectedDoneAt = expectation.At;
        saga.ExpectedFrom = expectation.Source;
    }

    /// <summary>
    /// Sets when the task is next due, never past its deadline (a long Retry-After or a stream of callbacks must not keep
    /// it open longer), remembering the trace of this step so that check joins it.
    /// </summary>
    public static void CheckAt(this VideoTaskState saga, DateTimeOffset dueAt)
    {
        saga.NextCheckAt = dueAt < saga.DeadlineAt ? dueAt : saga.DeadlineAt;
        saga.DueCheckTraceParent = Activity.Current?.Id;
    }

    /// <summary>A request waiting for a provider slot: kept so a status query can say so, and a cancel can take it out of line.</summary>
    public static void Queue(this VideoTaskState saga, TaskQueued queued)
    {
        saga.Provider = queued.Provider;
        saga.Model = queued.Model;
        saga.Caller = queued.Caller;
        saga.QueuedAt = queued.QueuedAt;
        saga.QueuePosition = queued.Position;
        saga.SubmittedAt = queued.QueuedAt;
    }

    /// <summary>A request the submitter refused: kept so a status query can say why rather than "not found".</summary>
    public static void Reject(this VideoTaskState saga, GenerateVideoRejected rejected)
    {
        saga.SubmittedAt = rejected.RejectedAt;
        saga.EndBeforeTracking(rejected.Provider, rejected.Model, providerTaskId: null, rejected.RejectedAt, VideoTaskStates.Rejected, rejected.Reason);
    }

    /// <summary>A request no provider took (the submitter's TaskFailed): kept so a status query can say why.</summary>
    public static void FailAtSubmit(this VideoTaskState saga, TaskFailed failed) =>
        saga.EndBeforeTracking(failed.Provider, failed.Model, failed.ProviderTaskId, failed.FailedAt, failed.ReasonCode, failed.Reason);

    // Either way the request ended before the saga followed any provider task: nothing to check, archive or cancel.
    private static void EndBeforeTracking(this VideoTaskState saga, string? provider, string? model, string? providerTaskId,
        DateTimeOffset endedAt, string code, string? reason)
    {
        saga.Provider = provider ?? saga.Provider;
        saga.Model = model ?? saga.Model;
        saga.ProviderTaskId = providerTaskId ?? "";
        saga.FinishedAt = endedAt;
        saga.FailureCode = code;
        saga.FailureReason = reason;
    }

    /// <summary>Worth a progress event: the provider's status string or its percentage changed.</summary>
    public static bool IsNews(this VideoTaskState saga, TaskStatusObserved observed) =>
        observed.State is ProviderTaskState.Pending or ProviderTaskState.Processing &&
        (observed.RawStatus != saga.LastRawStatus || observed.ProgressPercent is not null && observed.ProgressPercent != saga.ProgressPercent);

    public static void Observe(this VideoTaskState saga, TaskStatusObserved observed)
    {
        saga.NotFoundInARow = observed.State == ProviderTaskState.NotFound ? saga.NotFoundInARow + 1 : 0;
        if (observed.State == ProviderTaskState.Unreachable)
            return;
        // The provider's latest word; an answer that does not say keeps the last one.
        saga.ProviderCredits = observed.ProviderCredits ?? saga.ProviderCredits;
        saga.ProviderCanCancel = observed.CanCancel ?? saga.ProviderCanCancel;
        saga.LastRawStatus = observed.RawStatus ?? observed.State.ToString().ToLowerInvariant();

        if (observed.State is ProviderTaskState.Pending or ProviderTaskState.Processing)
        {
            var expectation = RecheckPlanner.Reestimate(saga, observed);
            saga.ExpectedDoneAt = expectation.At;
            saga.ExpectedFrom = expectation.Source;
            // A new expectation in the future is aimed at afresh; otherwise each fruitless check lengthens the backoff.
            saga.ChecksPastExpected = RecheckPlanner.IsPastExpected(saga, observed.ObservedAt) ? saga.ChecksPastExpected + 1 : 0;
        }

        if (observed.ProgressPercent is { } progress && progress != saga.ProgressPercent)
        {
            saga.ProgressPercent = progress;
            saga.ProgressObservedAt = observed.ObservedAt;
        }
    }

    /// <summary>The machine's state name, in the contract's terms (<see cref="VideoTaskStates"/>).</summary>
    public static string ContractState(this VideoTaskState saga) => saga.CurrentState switch
    {
        nameof(VideoTaskStateMachine.WaitingForSlot) => VideoTaskStates.Queued,
        nameof(VideoTaskStateMachine.Pending) => VideoTaskStates.Pending,
        nameof(VideoTaskStateMachine.Processing) => VideoTaskStates.Processing,
        nameof(VideoTaskStateMachine.Completed) => VideoTaskStates.Completed,
        nameof(VideoTaskStateMachine.Failed) => VideoTaskStates.Failed,
        nameof(VideoTaskStateMachine.Canceled) => VideoTaskStates.Canceled,
        nameof(VideoTaskStateMachine.Rejected) => VideoTaskStates.Rejected,
        nameof(VideoTaskStateMachine.FailedAtSubmit) => VideoTaskStates.Failed,
        _ => saga.CurrentState.ToLowerInvariant(),
    };
}
