using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tasks;

/// <summary>What the saga announces and answers about a task, built from its state.</summary>
internal static class VideoTaskEvents
{
    public static TaskCompleted Completed(VideoTaskState saga) => new()
    {
        RequestId = saga.CorrelationId,
        Provider = saga.Provider,
        Model = saga.Model,
        ProviderTaskId = saga.ProviderTaskId,
        Videos = saga.Videos,
        CompletedAt = saga.FinishedAt ?? saga.SubmittedAt,
        ProviderCredits = saga.ProviderCredits,
        Caller = saga.Caller,
        EstimatedCost = saga.EstimatedCost,
        Currency = saga.Currency,
    };

    public static TaskFailed Failed(VideoTaskState saga) => new()
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

    public static TaskCanceled Canceled(VideoTaskState saga) => new()
    {
        RequestId = saga.CorrelationId,
        Provider = saga.Provider,
        ProviderTaskId = saga.ProviderTaskId,
        ProviderCancelCalled = false,
        Note = "none of the providers documents a cancel call; the provider may still finish and bill the task",
        CanceledAt = saga.FinishedAt ?? saga.SubmittedAt,
    };

    /// <summary>News for callers about a task still running; <paramref name="saga"/> does not hold the answer yet.</summary>
    public static TaskProgressed Progressed(VideoTaskState saga, TaskStatusObserved answer) => new()
    {
        RequestId = saga.CorrelationId,
        Provider = saga.Provider,
        ProviderTaskId = saga.ProviderTaskId,
        State = answer.State == ProviderTaskState.Processing ? "processing" : "pending",
        ProgressPercent = answer.ProgressPercent,
        ObservedAt = answer.ObservedAt,
    };

    public static Task<CancelVideoTaskResult> CancelResult(VideoTaskState saga, string outcome) => Task.FromResult(new CancelVideoTaskResult
    {
        RequestId = saga.CorrelationId,
        Outcome = outcome,
        State = saga.ContractState(),
    });

    /// <summary>For a cancel of a request this poller does not know.</summary>
    public static CancelVideoTaskResult CancelNotFound(Guid requestId) => new()
    {
        RequestId = requestId,
        Outcome = CancelOutcomes.NotFound,
        State = VideoTaskStates.NotFound,
    };

    public static string TimedOutReason(VideoTaskState saga, PollingOptions polling) =>
        $"no terminal status from {saga.Provider} within {polling.DeadlineMinutes:0.##} min (last status: {saga.LastRawStatus ?? "none"})";

    public static string NoResultReason(VideoTaskState saga) => $"{saga.Provider} reported success but returned no video";

    /// <summary>The provider failed the task on its side; the submitter sends the request on to the next endpoint of its route.</summary>
    public static TaskRerouted Rerouted(VideoTaskState saga, TaskStatusObserved answer, DateTimeOffset at) => new()
    {
        RequestId = saga.CorrelationId,
        Provider = saga.ReroutedFromProvider ?? saga.Provider,
        Model = saga.ReroutedFromModel ?? saga.Model,
        ProviderTaskId = saga.ReroutedFromTaskId ?? saga.ProviderTaskId,
        ProviderFailureCode = answer.FailureCode,
        Reason = answer.FailureMessage ?? answer.RawStatus ?? "failed",
        ReroutedAt = at,
    };

    public static string ProviderFailedReason(VideoTaskState saga, TaskStatusObserved answer) =>
        $"{saga.Provider} failed the task: {answer.FailureMessage ?? answer.RawStatus}" + (answer.FailureCode is { } code ? $" ({code})" : "");

    public static string NotFoundReason(VideoTaskState saga, PollingOptions polling) =>
        $"{saga.Provider} answered 'not found' {polling.NotFoundLimit} times in a row for task {saga.ProviderTaskId}";
}
