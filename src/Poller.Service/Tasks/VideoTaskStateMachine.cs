using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// One saga per request: pending → processing → completed / failed / canceled. Each recheck is a scheduled message to
/// the saga itself, which then asks the status checker; every answer either ends the task or schedules the
/// next recheck, so no path leaves a task without something scheduled until it is terminal.
/// </summary>
public sealed class VideoTaskStateMachine : MassTransitStateMachine<VideoTaskState>
{
    public VideoTaskStateMachine(IOptions<PollingOptions> options)
    {
        var polling = options.Value;
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
        Schedule(() => Recheck, x => x.RecheckTokenId, s =>
        {
            s.Delay = polling.FirstRecheck;
            s.Received = r =>
            {
                r.CorrelateById(m => m.Message.RequestId);
                // A recheck for a task this poller no longer tracks has nothing left to do.
                r.OnMissingInstance(m => m.Discard());
            };
        });

        Initially(
            When(Submitted)
                .Then(c => c.Saga.Start(c.Message, polling.Deadline))
                .Schedule(Recheck, c => new RecheckDue { RequestId = c.Saga.CorrelationId }, c => FirstDelay(c.Message, polling))
                .TransitionTo(Pending));

        During(Pending, Processing,
            Ignore(Submitted),
            When(Recheck.Received)
                .IfElse(c => DateTimeOffset.UtcNow >= c.Saga.DeadlineAt,
                    late => Fail(late, FailureReasons.TimedOut, c =>
                        $"no terminal status from {c.Saga.Provider} within {polling.DeadlineMinutes:0.##} min (last status: {c.Saga.LastRawStatus ?? "none"})"),
                    due => due
                        .Then(c => c.Saga.Rechecks++)
                        // Safety net: if this check's answer is lost, the saga still asks again.
                        .Schedule(Recheck, c => new RecheckDue { RequestId = c.Saga.CorrelationId }, _ => polling.CheckTimeout)
                        .Publish(c => new CheckTaskStatus
                        {
                            RequestId = c.Saga.CorrelationId,
                            Provider = c.Saga.Provider,
                            Model = c.Saga.Model,
                            ProviderTaskId = c.Saga.ProviderTaskId,
                        })),
            When(StatusObserved)
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
                            running => KeepPolling(running, polling)))),
            When(CancelRequested)
                .Unschedule(Recheck)
                .Then(c => c.Saga.FinishedAt = DateTimeOffset.UtcNow)
                .Publish(c => new TaskCanceled
                {
                    RequestId = c.Saga.CorrelationId,
                    Provider = c.Saga.Provider,
                    ProviderTaskId = c.Saga.ProviderTaskId,
                    ProviderCancelCalled = false,
                    Note = "none of the providers documents a cancel call; the provider may still finish and bill the task",
                    CanceledAt = c.Saga.FinishedAt ?? DateTimeOffset.UtcNow,
                })
                .TransitionTo(Canceled)
                .RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.Canceled)));

        During(Completed, Failed, Canceled,
            When(CancelRequested).RespondAsync(c => CancelResult(c.Saga, CancelOutcomes.AlreadyFinished)));

        // A terminal step is committed before its event is published (in-memory outbox). If the process dies in
        // between, the redelivered trigger finds the task already terminal: announce the outcome again.
        During(Completed,
            Ignore(Submitted),
            When(StatusObserved)
                .If(c => c.Message.State == ProviderTaskState.Succeeded, again => again.Publish(c => CompletedEvent(c.Saga))));
        During(Failed,
            Ignore(Submitted),
            When(StatusObserved).Publish(c => FailedEvent(c.Saga)),
            When(Recheck.AnyReceived).Publish(c => FailedEvent(c.Saga)));
        // A check already under way when the task was canceled still answers; nothing follows it any more.
        During(Canceled,
            Ignore(Submitted),
            Ignore(StatusObserved),
            Ignore(Recheck.AnyReceived));
    }

    public State Pending { get; private set; } = null!;
    public State Processing { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Canceled { get; private set; } = null!;

    public Event<TaskSubmitted> Submitted { get; private set; } = null!;
    public Event<TaskStatusObserved> StatusObserved { get; private set; } = null!;
    public Event<CancelVideoTask> CancelRequested { get; private set; } = null!;
    public Schedule<VideoTaskState, RecheckDue> Recheck { get; private set; } = null!;

    /// <summary>Near the provider's own estimate when it gives one, else the configured first delay.</summary>
    private static TimeSpan FirstDelay(TaskSubmitted submitted, PollingOptions polling) =>
        submitted.EstimatedSeconds is > 0 and var estimate && estimate < polling.FirstRecheckSeconds
            ? TimeSpan.FromSeconds(estimate)
            : polling.FirstRecheck;

    private EventActivityBinder<VideoTaskState, TaskStatusObserved> Complete(EventActivityBinder<VideoTaskState, TaskStatusObserved> binder) =>
        binder
            .Unschedule(Recheck)
            .Then(c =>
            {
                c.Saga.Observe(c.Message);
                c.Saga.Videos = c.Message.Videos.ToList();
                c.Saga.FinishedAt = c.Message.ObservedAt;
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
        CompletedAt = saga.FinishedAt ?? DateTimeOffset.UtcNow,
    };

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
        FailedAt = saga.FinishedAt ?? DateTimeOffset.UtcNow,
    };

    private EventActivityBinder<VideoTaskState, T> Fail<T>(
        EventActivityBinder<VideoTaskState, T> binder, string code, Func<BehaviorContext<VideoTaskState, T>, string> reason)
        where T : class =>
        binder
            .Unschedule(Recheck)
            .Then(c =>
            {
                c.Saga.FailureCode = code;
                c.Saga.FailureReason = reason(c);
                c.Saga.FinishedAt = DateTimeOffset.UtcNow;
            })
            .Publish(c => FailedEvent(c.Saga))
            .TransitionTo(Failed);

    private EventActivityBinder<VideoTaskState, TaskStatusObserved> KeepPolling(
        EventActivityBinder<VideoTaskState, TaskStatusObserved> binder, PollingOptions polling) =>
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
            .Then(c => c.Saga.Observe(c.Message))
            .Schedule(Recheck, c => new RecheckDue { RequestId = c.Saga.CorrelationId },
                c => polling.NextRecheck(c.Saga.Rechecks, c.Message.RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null))
            .If(c => c.Message.State == ProviderTaskState.Processing, p => p.TransitionTo(Processing));
}
