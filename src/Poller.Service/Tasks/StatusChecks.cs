namespace VideoPlatform.Poller.Tasks;

/// <summary>The status check for a task, whoever asks for it: the due-check loop, or the saga on a callback.</summary>
internal static class StatusChecks
{
    /// <param name="likelyDoneAt">When the task is likely done, if the caller knows better than the saga's expectation.</param>
    public static CheckTaskStatus Ask(VideoTaskState task, PollingOptions polling, DateTimeOffset now, DateTimeOffset? likelyDoneAt = null) => new()
    {
        RequestId = task.CorrelationId,
        Provider = task.Provider,
        Model = task.Model,
        ProviderTaskId = task.ProviderTaskId,
        LikelyDoneAt = polling.Strategy == PollingStrategy.Adaptive ? likelyDoneAt ?? RecheckPlanner.QueueRank(task, polling) : null,
        // A little before the task comes due again, so a check still queued then is not made twice.
        NotAfter = now + polling.CheckTimeout * 0.9,
    };
}
