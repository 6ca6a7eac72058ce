using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Providers.RateLimiting;
using static VideoPlatform.Poller.Tasks.VideoTaskEvents;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// One saga per request: (queued →) pending → processing → completed / failed / canceled; or rejected when the submitter refused
/// the request, or failed at submit when no provider took it, both kept only so a status query can say why. Every
/// step that leaves a task open sets when it is next due (<see cref="VideoTaskState.NextCheckAt"/>, on the saga's
/// row, in the step's own transaction); the due-check loop claims due rows and sends the checks. A step that ends the
/// task clears it. The steps' chains are in <see cref="VideoTaskBehaviors"/>, the messages in <see cref="VideoTaskEvents"/>.
/// </summary>
public sealed partial class VideoTaskStateMachine : MassTransitStateMachine<VideoTaskState>
{
    private readonly TimeProvider _time;
    private readonly VideoTaskPolling _polling;

    /// <param name="time">The clock every due time and end time is read from; the system clock when absent.</param>
    /// <param name="rateGate">Tells which provider keys are rate-limited; absent in tests that run the machine alone.</param>
    public VideoTaskStateMachine(IOptions<PollingOptions> options, TimeProvider? time = null, ProviderRateGate? rateGate = null)
    {
        _time = time ?? TimeProvider.System;
        _polling = new VideoTaskPolling(options.Value, _time, rateGate);
        InstanceState(x => x.CurrentState);
        var telemetry = new VideoTaskTelemetry();
        ConnectEventObserver(telemetry);
        ConnectStateObserver(telemetry);
        CorrelateEvents();

        Initially(
            When(QueuedForSlot).Then(c => c.Saga.Queue(c.Message)).TransitionTo(WaitingForSlot),
            When(Submitted).Follow(_polling).TransitionTo(Pending),
            // Recorded only so a status query can give the reason; the submitter already told the caller.
            When(RequestRejected).Then(c => c.Saga.Reject(c.Message)).TransitionTo(Rejected),
            When(SubmitFailed).Then(c => c.Saga.FailAtSubmit(c.Message)).TransitionTo(FailedAtSubmit));

        // The submitter holds the request until a slot frees; no provider task to check, archive or cancel yet. A cancel
        // takes it out of the submitter's line (the submitter reads TaskCanceled).
        During(WaitingForSlot,
            When(QueuedForSlot).Then(c => c.Saga.Queue(c.Message)),
            // After a reroute, the acceptance of the task left behind may be announced again: the next endpoint's is awaited.
            When(Submitted)
                .IfElse(c => c.Saga.IsOfTheTaskLeftBehind(c.Message),
                    left => left,
                    next => next.Follow(_polling).TransitionTo(Pending)),
            When(RequestRejected).Then(c => c.Saga.Reject(c.Message)).TransitionTo(Rejected),
            When(SubmitFailed).Then(c => c.Saga.FailAtSubmit(c.Message)).TransitionTo(FailedAtSubmit),
            // Rerouted after a provider's failure: committed before TaskRerouted went out, so its trigger seen again says it again.
            When(StatusObserved)
                .If(c => c.MessageId is { } id && id == c.Saga.ReroutedByMessageId, again => again.Publish(c => VideoTaskEvents.Rerouted(c.Saga, c.Message, Now))),
            Ignore(Recheck),
            Ignore(CallbackReceived),
            Ignore(Archived),
            Ignore(ArchivingFailed),
            When(CancelRequested)
                .Cancel(_polling).TransitionTo(Canceled)
                .RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.Canceled)));
        // A TaskQueued said again (the command published again) after the request moved on changes nothing.
        During([Pending, Processing, Completed, Failed, Canceled, FailedAtSubmit],
            Ignore(QueuedForSlot));

        // Past the submit, a TaskFailed is the saga's own announcement coming back (or a replay of the submitter's).
        During([Pending, Processing, Completed, Failed, Canceled, FailedAtSubmit],
            Ignore(SubmitFailed));

        // A rejection after an accepted submit is for a duplicate publish of the same id; the task goes on.
        During([Pending, Processing, Completed, Failed, Canceled, Rejected, FailedAtSubmit],
            Ignore(RequestRejected));

        During(Rejected,
            // The submitter keeps no record of a rejection, so the caller may publish a corrected request under the
            // same id; once a provider accepted it, the task is followed like any other.
            When(Submitted).Follow(_polling).TransitionTo(Pending),
            When(QueuedForSlot).Then(c => c.Saga.Queue(c.Message)).TransitionTo(WaitingForSlot),
            When(SubmitFailed).Then(c => c.Saga.FailAtSubmit(c.Message)).TransitionTo(FailedAtSubmit));
        During(FailedAtSubmit,
            Ignore(Submitted));
        // No provider task behind either: nothing to check, archive or cancel.
        During(Rejected, FailedAtSubmit,
            Ignore(StatusObserved),
            Ignore(Recheck),
            Ignore(CallbackReceived),
            Ignore(Archived),
            Ignore(ArchivingFailed),
            When(CancelRequested).RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.AlreadyFinished)));

        During(Completed, Failed, Canceled,
            Ignore(CallbackReceived));

        During(Pending, Processing, Failed, Canceled,
            Ignore(Archived),
            Ignore(ArchivingFailed));

        During(Pending, Processing,
            Ignore(Submitted),
            // Sent by the due-check loop once a task is due past its deadline (or by an operator, to check at once).
            When(Recheck)
                .IfElse(c => Now >= c.Saga.DeadlineAt,
                    late => late.Fail(_polling, FailureReasons.TimedOut, c => TimedOutReason(c.Saga, _polling.Options)).TransitionTo(Failed),
                    due => due.AskProvider(_polling)),
            // Only a hint: the provider's status API decides, so a forged or mistaken call changes nothing.
            When(CallbackReceived)
                .If(c => string.Equals(c.Message.Provider, c.Saga.Provider, StringComparison.OrdinalIgnoreCase),
                    // The provider says it is done: under a rate limit, this check goes before the ones still expected.
                    matching => matching.AskProvider(_polling, c => c.Message.ReceivedAt)),
            // Every answer about its task is one more check; then exactly one of the blocks below takes it (see StatusAnswers).
            When(StatusObserved, AboutItsTask).Then(c => c.Saga.Rechecks++),
            When(StatusObserved, Means(StatusAnswer.Done))
                .Complete().TransitionTo(Completed),
            When(StatusObserved, Means(StatusAnswer.NoResult))
                .Fail(_polling, FailureReasons.NoResult, c => NoResultReason(c.Saga)).TransitionTo(Failed),
            When(StatusObserved, Means(StatusAnswer.ProviderFailed))
                .IfElse(c => c.Saga.ReroutesAfter(c.Message),
                    onward => onward.Reroute(_polling).TransitionTo(WaitingForSlot),
                    end => end.Fail(_polling, FailureReasons.ProviderFailed, c => ProviderFailedReason(c.Saga, c.Message)).TransitionTo(Failed)),
            When(StatusObserved, Means(StatusAnswer.Gone))
                .Fail(_polling, FailureReasons.TaskNotFound, c => NotFoundReason(c.Saga, _polling.Options)).TransitionTo(Failed),
            // Last: it alone records a "not found", which the filter on the block above reads.
            When(StatusObserved, Means(StatusAnswer.StillOpen))
                .KeepPolling(_polling)
                .If(c => c.Message.State == ProviderTaskState.Processing, p => p.TransitionTo(Processing)),
            When(CancelRequested)
                .Cancel(_polling).TransitionTo(Canceled)
                .RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.Canceled)));

        During(Completed, Failed,
            When(CancelRequested).RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.AlreadyFinished)));

        // A terminal step is committed before its event is published (in-memory outbox). If the process dies in
        // between, the redelivered trigger finds the task already terminal: announce the outcome again. Only that
        // message: a second status answer (a callback's check and the due one both saw "succeeded") or a late
        // recheck is absorbed, or the archiver would download the video twice.
        During(Completed,
            Ignore(Submitted),
            Ignore(Recheck),
            When(Archived).Then(c =>
            {
                c.Saga.ArchivedVideos = c.Message.Videos.ToList();
                c.Saga.ArchiveFailureCode = null;
                c.Saga.ArchiveFailureReason = null;
            }),
            When(ArchivingFailed)
                // A later success (a redelivered TaskCompleted archived after all) wins over an earlier failure.
                .If(c => c.Saga.ArchivedVideos.Count == 0, f => f.Then(c =>
                {
                    c.Saga.ArchiveFailureCode = c.Message.ReasonCode;
                    c.Saga.ArchiveFailureReason = c.Message.Reason;
                })),
            When(StatusObserved)
                .If(c => c.IsRedeliveryOfTheEnd(), again => again.Publish(c => VideoTaskEvents.Completed(c.Saga))));
        During(Failed,
            Ignore(Submitted),
            When(StatusObserved)
                .If(c => c.IsRedeliveryOfTheEnd(), again => again.Publish(c => VideoTaskEvents.Failed(c.Saga))),
            // A timeout ends the task on a recheck.
            When(Recheck)
                .If(c => c.IsRedeliveryOfTheEnd(), again => again.Publish(c => VideoTaskEvents.Failed(c.Saga))));
        // A check already under way when the task was canceled still answers; nothing follows it any more.
        During(Canceled,
            // Canceled while waiting (first, or after a reroute), but a provider took it before the submitter saw the
            // cancel: say it again with that provider's task, so the submitter frees its slot (nothing follows the task;
            // the provider may bill it). The canceled task's own acceptance said again changes nothing.
            When(Submitted)
                .If(c => c.Message.ProviderTaskId != c.Saga.ProviderTaskId, late => late
                    .Then(c =>
                    {
                        c.Saga.Provider = c.Message.Provider;
                        c.Saga.ProviderTaskId = c.Message.ProviderTaskId;
                    })
                    .Publish(c => VideoTaskEvents.Canceled(c.Saga))),
            Ignore(StatusObserved),
            Ignore(Recheck),
            When(CancelRequested)
                .IfElse(c => c.IsRedeliveryOfTheEnd(),
                    again => again.Publish(c => VideoTaskEvents.Canceled(c.Saga)).RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.Canceled)),
                    other => other.RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.AlreadyFinished))));
    }

    /// <summary>The submitter holds the request in line for a provider slot (<c>TaskQueued</c>); shown as <c>queued</c>.</summary>
    public State WaitingForSlot { get; private set; } = null!;
    public State Pending { get; private set; } = null!;
    public State Processing { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Canceled { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;

    /// <summary>No provider took the request (the submitter published TaskFailed); shown as <c>failed</c>.</summary>
    public State FailedAtSubmit { get; private set; } = null!;

    public Event<TaskQueued> QueuedForSlot { get; private set; } = null!;
    public Event<TaskSubmitted> Submitted { get; private set; } = null!;
    public Event<TaskStatusObserved> StatusObserved { get; private set; } = null!;
    public Event<CancelVideoTask> CancelRequested { get; private set; } = null!;
    public Event<GenerateVideoRejected> RequestRejected { get; private set; } = null!;
    public Event<TaskFailed> SubmitFailed { get; private set; } = null!;
    public Event<ProviderCallbackReceived> CallbackReceived { get; private set; } = null!;
    public Event<VideoArchived> Archived { get; private set; } = null!;
    public Event<ArchiveFailed> ArchivingFailed { get; private set; } = null!;
    public Event<RecheckDue> Recheck { get; private set; } = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A filter for the block that takes answers about the task meaning <paramref name="meaning"/>.</summary>
    private StateMachineCondition<VideoTaskState, TaskStatusObserved> Means(StatusAnswer meaning) =>
        c => AboutItsTask(c) && c.Message.MeaningOf(c.Saga, _polling.Options) == meaning;

    /// <summary>Not a late answer about the task a reroute left behind: that one was decided already.</summary>
    private static bool AboutItsTask(BehaviorContext<VideoTaskState, TaskStatusObserved> c) =>
        c.Message.ProviderTaskId is null || c.Message.ProviderTaskId == c.Saga.ProviderTaskId;
}
