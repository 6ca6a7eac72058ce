using System.Diagnostics;
using MassTransit;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// Tags every saga step's span with the request it belongs to, and records a task's outcome, time to terminal state
/// and number of rechecks when it ends. MassTransit already tags the span with the begin and end state.
/// </summary>
internal sealed class VideoTaskTelemetry : IEventObserver<VideoTaskState>, IStateObserver<VideoTaskState>
{
    public Task StateChanged(BehaviorContext<VideoTaskState> context, State currentState, State previousState)
    {
        var saga = context.Saga;
        var outcome = currentState.Name switch
        {
            nameof(VideoTaskStateMachine.Completed) => PlatformMetrics.Outcomes.Completed,
            nameof(VideoTaskStateMachine.Failed) => PlatformMetrics.Outcomes.Failed,
            nameof(VideoTaskStateMachine.Canceled) => PlatformMetrics.Outcomes.Canceled,
            // Rejected is counted by the submitter, which decided it.
            _ => null,
        };
        if (outcome is null)
            return Task.CompletedTask;

        Activity.Current?.SetTag(PlatformTelemetry.Tags.Outcome, outcome).SetTag(PlatformTelemetry.Tags.Reason, saga.FailureCode);
        PlatformMetrics.RequestFinished(saga.Provider, saga.Model, outcome, saga.FailureCode);
        PlatformMetrics.TaskEnded(saga.Provider, saga.Model, outcome, (saga.FinishedAt ?? DateTimeOffset.UtcNow) - saga.SubmittedAt, saga.Rechecks);
        return Task.CompletedTask;
    }

    // After the step, so the first event's span is tagged with what that step stored.
    public Task PostExecute<T>(BehaviorContext<VideoTaskState, T> context) where T : class => Tag(context.Saga);

    public Task PostExecute(BehaviorContext<VideoTaskState> context) => Tag(context.Saga);

    public Task PreExecute(BehaviorContext<VideoTaskState> context) => Task.CompletedTask;

    public Task PreExecute<T>(BehaviorContext<VideoTaskState, T> context) where T : class => Task.CompletedTask;

    public Task ExecuteFault(BehaviorContext<VideoTaskState> context, Exception exception) => Task.CompletedTask;

    public Task ExecuteFault<T>(BehaviorContext<VideoTaskState, T> context, Exception exception) where T : class => Task.CompletedTask;

    private static Task Tag(VideoTaskState saga)
    {
        Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, saga.CorrelationId)
            .SetTag(PlatformTelemetry.Tags.Provider, saga.Provider)
            .SetTag(PlatformTelemetry.Tags.Model, saga.Model)
            .SetTag(PlatformTelemetry.Tags.ProviderTaskId, saga.ProviderTaskId)
            .SetTag("video.rechecks", saga.Rechecks);
        return Task.CompletedTask;
    }
}
