using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// One saga per request: pending → processing → completed / failed / canceled; or rejected when the submitter refused
/// the request, or failed at submit when no provider took it, both kept only so a status query can say why. Every
/// step that leaves a task open sets when it is next due (<see cref="VideoTaskState.NextCheckAt"/>, on the saga's
/// row, in the step's own transaction); the due-check loop claims due rows and sends the checks. A step that ends the
/// task clears it.
/// </summary>
public sealed class VideoTaskStateMachine : MassTransitStateMachine<VideoTaskState>
{
    private readonly TimeProvider _time;

    /// <param name="time">The clock every due time and end time is read from; the system clock when absent.</param>
    /// <param name="rateGate">Tells which provider keys are rate-limited; absent in tests that run the machine alone.</param>
    public VideoTaskStateMachine(IOptions<PollingOptions> options, TimeProvider? time = null, ProviderRateGate? rateGate = null)
    {
        _time = time ?? TimeProvider.System;
        var polling = options.Value;
        bool Scarce(VideoTaskState saga) => rateGate?.IsLimited(saga.Provider) ?? false;
        InstanceState(x => x.CurrentState);
        var telemetry = new VideoTaskTelemetry();
        ConnectEventObserver(telemetry);
        ConnectStateObserver(telemetry);

        Event(() => Submitted, e => e.CorrelateById(m => m.Message.RequestId));
        Event(() => StatusObserved, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => CancelRequested, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            e.OnMissingInstance(m => m.ExecuteAsync(c => c.RespondAsync(new CancelVideoTaskResult
            {
                RequestId = c.Message.RequestId,
                Outcome = CancelOutcomes.NotFound,
                State = VideoTaskStates.NotFound,
            })));
        });
        // The archiver's outcome is recorded so a status query can say where the video is.
        Event(() => CallbackReceived, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            // Also what a forged call for an unknown request comes to.
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => RequestRejected, e => e.CorrelateById(m => m.Message.RequestId));
        // The submitter's TaskFailed, when no provider took the request; the saga's own come back here too, ignored.
        Event(() => SubmitFailed, e => e.CorrelateById(m => m.Message.RequestId));
        Event(() => Archived, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => ArchivingFailed, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => Recheck, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            // A recheck for a task this poller no longer tracks has nothing left to do.
            e.OnMissingInstance(m => m.Discard());
        });

        Initially(
            Follow(When(Submitted), polling, Scarce),
            // Recorded only so a status query can give the reason; the submitter already told the caller.
            When(RequestRejected)
                .Then(c => c.Saga.Reject(c.Message))
                .TransitionTo(Rejected),
            When(SubmitFailed)
                .Then(c => c.Saga.FailAtSubmit(c.Message))
                .TransitionTo(FailedAtSubmit));

        // Past the submit, a TaskFailed is the saga's own announcement coming back (or a replay of the submitter's).
        During([Pending, Processing, Completed, Failed, Canceled, FailedAtSubmit],
            Ignore(SubmitFailed));

        // A rejection after an accepted submit is for a duplicate publish of the same id; the task goes on.
        During([Pending, Processing, Completed, Failed, Canceled, Rejected, FailedAtSubmit],
            Ignore(RequestRejected));

        During(Rejected,
            // The submitter keeps no record of a rejection, so the caller may publish a corrected request under the
            // same id; once a provider accepted it, the task is followed like any other.
            Follow(When(Submitted), polling, Scarce),
            When(SubmitFailed)
                .Then(c => c.Saga.FailAtSubmit(c.Message))
                .TransitionTo(FailedAtSubmit));
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
                    late => Fail(late, FailureReasons.TimedOut, c =>
                        $"no terminal status from {c.Saga.Provider} within {polling.DeadlineMinutes:0.##} min (last status: {c.Saga.LastRawStatus ?? "none"})"),
                    due => AskProvider(due, polling)),
            // Only a hint: the provider's status API decides, so a forged or mistaken call changes nothing.
            When(CallbackReceived)
                .If(c => string.Equals(c.Message.Provider, c.Saga.Provider, StringComparison.OrdinalIgnoreCase),
                    // The provider says it is done: under a rate limit, this check goes before the ones still expected.
                    matching => AskProvider(matching, polling, c => c.Message.ReceivedAt)),
            When(StatusObserved)
                .Then(c => c.Saga.Rechecks++)
                .IfElse(c => c.Message.State == ProviderTaskState.Succeeded,
                    succeeded => succeeded.IfElse(c => c.Message.Videos.Count > 0,
                        Complete,
                        empty => Fail(empty, FailureReasons.NoResult, c => $"{c.Saga.Provider} reported success but returned no video")),
                    other => other.IfElse(c => c.Message.State == ProviderTaskState.Failed,
                        failed => Fail(failed, FailureReasons.ProviderFailed, c =>
                            $"{c.Saga.Provider} failed the task: {c.Message.FailureMessage ?? c.Message.RawStatus}" +
                            (c.Message.FailureCode is { } code ? $" ({code})" : "")),
                        open => open.IfElse(c => c.Message.State == ProviderTaskState.NotFound && c.Saga.NotFoundInARow + 1 >= polling.NotFoundLimit,
                            gone => Fail(gone, FailureReasons.TaskNotFound, c =>
                                $"{c.Saga.Provider} answered 'not found' {polling.NotFoundLimit} times in a row for task {c.Saga.ProviderTaskId}"),
                            running => KeepPolling(running, polling, Scarce)))),
            When(CancelRequested)
                .Then(c =>
                {
                    c.Saga.NextCheckAt = null;
                    c.Saga.FinishedAt = Now;
                    c.Saga.EndedByMessageId = c.MessageId;
                })
                .Publish(c => CanceledEvent(c.Saga))
                .TransitionTo(Canceled)
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
                .If(IsRedeliveryOfTheEnd, again => again.Publish(c => CompletedEvent(c.Saga))));
        During(Failed,
            Ignore(Submitted),
            When(StatusObserved)
                .If(IsRedeliveryOfTheEnd, again => again.Publish(c => FailedEvent(c.Saga))),
            // A timeout ends the task on a recheck.
            When(Recheck)
                .If(IsRedeliveryOfTheEnd, again => again.Publish(c => FailedEvent(c.Saga))));
        // A check already under way when the task was canceled still answers; nothing follows it any more.
        During(Canceled,
            Ignore(Submitted),
            Ignore(StatusObserved),
            Ignore(Recheck),
            When(CancelRequested)
                .IfElse(IsRedeliveryOfTheEnd,
                    again => again.Publish(c => CanceledEvent(c.Saga)).RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.Canceled)),
                    other => other.RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.AlreadyFinished))));
    }

    public State Pending { get; private set; } = null!;
    public State Processing { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Canceled { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;

    /// <summary>No provider took the request (the submitter published TaskFailed); shown as <c>failed</c>.</summary>
    public State FailedAtSubmit { get; private set; } = null!;

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

    /// <summary>Starts following a task a provider accepted: its first check is timed by the recheck planner.</summary>
    private EventActivityBinder<VideoTaskState, TaskSubmitted> Follow(
        EventActivityBinder<VideoTaskState, TaskSubmitted> binder, PollingOptions polling, Func<VideoTaskState, bool> scarce) =>
        binder
            .Then(c =>
            {
                c.Saga.Start(c.Message, polling);
                c.Saga.CheckAt(Now + RecheckPlanner.FirstDelay(c.Saga, polling, Now, Random.Shared.NextDouble(), scarce(c.Saga)));
            })
            .TransitionTo(Pending);

    /// <summary>One status query through the checker now; the task comes due again if its answer is lost.</summary>
    /// <param name="likelyDoneAt">When the task is likely done, if the trigger knows better than the saga's expectation.</param>
    private EventActivityBinder<VideoTaskState, T> AskProvider<T>(
        EventActivityBinder<VideoTaskState, T> binder, PollingOptions polling, Func<BehaviorContext<VideoTaskState, T>, DateTimeOffset>? likelyDoneAt = null)
        where T : class =>
        binder
            .Then(c => c.Saga.CheckAt(Now + polling.CheckTimeout))
            .Publish(c => StatusChecks.Ask(c.Saga, polling, Now, likelyDoneAt?.Invoke(c)));

    private EventActivityBinder<VideoTaskState, TaskStatusObserved> Complete(EventActivityBinder<VideoTaskState, TaskStatusObserved> binder) =>
        binder
            .Then(c =>
            {
                c.Saga.NextCheckAt = null;
                c.Saga.Observe(c.Message);
                c.Saga.Videos = c.Message.Videos.ToList();
                c.Saga.FinishedAt = c.Message.ObservedAt;
                c.Saga.EndedByMessageId = c.MessageId;
            })
            .Publish(c => CompletedEvent(c.Saga))
            .TransitionTo(Completed);

    private static TaskCompleted CompletedEvent(VideoTaskState saga) => new()
    {
        RequestId = saga.CorrelationId,
        Provider = saga.Provider,
        Model = saga.Model,
        ProviderTaskId = saga.ProviderTaskId,
        Videos = saga.Videos,
        CompletedAt = saga.FinishedAt ?? saga.SubmittedAt,
        ProviderCredits = saga.ProviderCredits,
    };

    private static TaskCanceled CanceledEvent(VideoTaskState saga) => new()
    {
        RequestId = saga.CorrelationId,
        Provider = saga.Provider,
        ProviderTaskId = saga.ProviderTaskId,
        ProviderCancelCalled = false,
        Note = "none of the providers documents a cancel call; the provider may still finish and bill the task",
        CanceledAt = saga.FinishedAt ?? saga.SubmittedAt,
    };

    /// <summary>The message is the one that ended the task, delivered again (see <see cref="VideoTaskState.EndedByMessageId"/>).</summary>
    private static bool IsRedeliveryOfTheEnd<T>(BehaviorContext<VideoTaskState, T> context) where T : class =>
        context.MessageId is { } id && id == context.Saga.EndedByMessageId;

    private static Task<CancelVideoTaskResult> CancelResult(VideoTaskState saga, string outcome) => Task.FromResult(new CancelVideoTaskResult
    {
        RequestId = saga.CorrelationId,
        Outcome = outcome,
        State = saga.ContractState(),
    });

    private static TaskFailed FailedEvent(VideoTaskState saga) => new()
    {
        RequestId = saga.CorrelationId,
        Provider = saga.Provider,
        Model = saga.Model,
        ProviderTaskId = saga.ProviderTaskId,
        ReasonCode = saga.FailureCode ?? FailureReasons.ProviderFailed,
        Reason = saga.FailureReason ?? "",
        FailedAt = saga.FinishedAt ?? saga.SubmittedAt,
        ProviderCredits = saga.ProviderCredits,
    };

    private EventActivityBinder<VideoTaskState, T> Fail<T>(
        EventActivityBinder<VideoTaskState, T> binder, string code, Func<BehaviorContext<VideoTaskState, T>, string> reason)
        where T : class =>
        binder
            .Then(c =>
            {
                c.Saga.NextCheckAt = null;
                c.Saga.FailureCode = code;
                c.Saga.FailureReason = reason(c);
                c.Saga.FinishedAt = Now;
                c.Saga.EndedByMessageId = c.MessageId;
            })
            .Publish(c => FailedEvent(c.Saga))
            .TransitionTo(Failed);

    private EventActivityBinder<VideoTaskState, TaskStatusObserved> KeepPolling(
        EventActivityBinder<VideoTaskState, TaskStatusObserved> binder, PollingOptions polling, Func<VideoTaskState, bool> scarce) =>
        binder
            .If(c => c.Saga.IsNews(c.Message), news => news.Publish(c => new TaskProgressed
            {
                RequestId = c.Saga.CorrelationId,
                Provider = c.Saga.Provider,
                ProviderTaskId = c.Saga.ProviderTaskId,
                State = c.Message.State == ProviderTaskState.Processing ? "processing" : "pending",
                ProgressPercent = c.Message.ProgressPercent,
                ObservedAt = c.Message.ObservedAt,
            }))
            .Then(c =>
            {
                c.Saga.Observe(c.Message);
                var retryAfter = c.Message.RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
                c.Saga.CheckAt(Now + RecheckPlanner.NextDelay(c.Saga, polling, Now, retryAfter, Random.Shared.NextDouble(), scarce(c.Saga)));
            })
            .If(c => c.Message.State == ProviderTaskState.Processing, p => p.TransitionTo(Processing));
}
