using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// The activity chains the task saga repeats. Each stores what the step decided and publishes what it announces; the
/// machine says which state follows.
/// </summary>
internal static class VideoTaskBehaviors
{
    /// <summary>Starts following a task a provider accepted: its first check is timed by the recheck planner.</summary>
    public static EventActivityBinder<VideoTaskState, TaskSubmitted> Follow(
        this EventActivityBinder<VideoTaskState, TaskSubmitted> binder, VideoTaskPolling polling) =>
        binder.Then(c =>
        {
            c.Saga.Start(c.Message, polling.Options);
            c.Saga.CheckAt(polling.Now + RecheckPlanner.FirstDelay(c.Saga, polling.Options, polling.Now, Random.Shared.NextDouble(), polling.Scarce(c.Saga)));
        });

    /// <summary>One status query through the checker now; the task comes due again if its answer is lost.</summary>
    /// <param name="likelyDoneAt">When the task is likely done, if the trigger knows better than the saga's expectation.</param>
    public static EventActivityBinder<VideoTaskState, T> AskProvider<T>(
        this EventActivityBinder<VideoTaskState, T> binder, VideoTaskPolling polling,
        Func<BehaviorContext<VideoTaskState, T>, DateTimeOffset>? likelyDoneAt = null)
        where T : class =>
        binder
            .Then(c => c.Saga.CheckAt(polling.Now + polling.Options.CheckTimeout))
            .Publish(c => StatusChecks.Ask(c.Saga, polling.Options, polling.Now, likelyDoneAt?.Invoke(c)));

    /// <summary>Records an answer that still leaves the task open, announcing it if it is news, and plans the next check.</summary>
    public static EventActivityBinder<VideoTaskState, TaskStatusObserved> KeepPolling(
        this EventActivityBinder<VideoTaskState, TaskStatusObserved> binder, VideoTaskPolling polling) =>
        binder
            .If(c => c.Saga.IsNews(c.Message), news => news.Publish(c => VideoTaskEvents.Progressed(c.Saga, c.Message)))
            .Then(c =>
            {
                c.Saga.Observe(c.Message);
                var retryAfter = c.Message.RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
                c.Saga.CheckAt(polling.Now + RecheckPlanner.NextDelay(
                    c.Saga, polling.Options, polling.Now, retryAfter, Random.Shared.NextDouble(), polling.Scarce(c.Saga)));
            });

    /// <summary>Ends the task with the provider's videos, finished when the provider said so.</summary>
    public static EventActivityBinder<VideoTaskState, TaskStatusObserved> Complete(this EventActivityBinder<VideoTaskState, TaskStatusObserved> binder) =>
        binder
            .Then(c =>
            {
                c.Saga.NextCheckAt = null;
                c.Saga.Observe(c.Message);
                c.Saga.Videos = c.Message.Videos.ToList();
                c.Saga.FinishedAt = c.Message.ObservedAt;
                c.Saga.EndedByMessageId = c.MessageId;
            })
            .Publish(c => VideoTaskEvents.Completed(c.Saga));

    public static EventActivityBinder<VideoTaskState, T> Fail<T>(
        this EventActivityBinder<VideoTaskState, T> binder, VideoTaskPolling polling, string code,
        Func<BehaviorContext<VideoTaskState, T>, string> reason)
        where T : class =>
        binder
            .Then(c =>
            {
                c.Saga.NextCheckAt = null;
                c.Saga.FailureCode = code;
                c.Saga.FailureReason = reason(c);
                c.Saga.FinishedAt = polling.Now;
                c.Saga.EndedByMessageId = c.MessageId;
            })
            .Publish(c => VideoTaskEvents.Failed(c.Saga));

    /// <summary>
    /// A failure on the provider's side, before any video, of a request that allows it: the submitter sends it on to the
    /// next endpoint of its route, so the request waits (shown as queued) instead of failing. Once per request.
    /// </summary>
    public static EventActivityBinder<VideoTaskState, TaskStatusObserved> Reroute(
        this EventActivityBinder<VideoTaskState, TaskStatusObserved> binder, VideoTaskPolling polling) =>
        binder
            .Then(c =>
            {
                c.Saga.NextCheckAt = null;
                c.Saga.ReroutesOnProviderFailure = false;
                c.Saga.ReroutedByMessageId = c.MessageId;
                c.Saga.ReroutedFromProvider = c.Saga.Provider;
                c.Saga.ReroutedFromModel = c.Saga.Model;
                c.Saga.ReroutedFromTaskId = c.Saga.ProviderTaskId;
                c.Saga.QueuedAt = polling.Now;
                c.Saga.QueuePosition = null;
            })
            .Publish(c => VideoTaskEvents.Rerouted(c.Saga, c.Message, polling.Now));

    /// <summary>The acceptance of the task a reroute left behind, announced again (a caller's publish, the submitter's sweeper).</summary>
    public static bool IsOfTheTaskLeftBehind(this VideoTaskState saga, TaskSubmitted submitted) =>
        saga.ReroutedFromTaskId is { } left && submitted.ProviderTaskId == left
        && string.Equals(submitted.Provider, saga.ReroutedFromProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a provider's failure sends the request on instead of ending it.</summary>
    public static bool ReroutesAfter(this VideoTaskState saga, TaskStatusObserved answer) =>
        saga.ReroutesOnProviderFailure && answer.ServerSideFailure == true && answer.Videos.Count == 0;

    /// <summary>Stops following the task on the caller's word; the provider is not told (none documents a cancel call).</summary>
    public static EventActivityBinder<VideoTaskState, CancelVideoTask> Cancel(
        this EventActivityBinder<VideoTaskState, CancelVideoTask> binder, VideoTaskPolling polling) =>
        binder
            .Then(c =>
            {
                c.Saga.NextCheckAt = null;
                c.Saga.FinishedAt = polling.Now;
                c.Saga.EndedByMessageId = c.MessageId;
            })
            .Publish(c => VideoTaskEvents.Canceled(c.Saga));

    /// <summary>
    /// The message is the one that ended the task, delivered again (see <see cref="VideoTaskState.EndedByMessageId"/>):
    /// the process died between committing the end and publishing it.
    /// </summary>
    public static bool IsRedeliveryOfTheEnd<T>(this BehaviorContext<VideoTaskState, T> context) where T : class =>
        context.MessageId is { } id && id == context.Saga.EndedByMessageId;
}
