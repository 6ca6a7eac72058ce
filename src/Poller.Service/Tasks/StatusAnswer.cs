using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tasks;

/// <summary>What a provider's answer means for a task still being followed. Every answer means exactly one.</summary>
public enum StatusAnswer
{
    /// <summary>Succeeded with at least one video.</summary>
    Done,

    /// <summary>Succeeded without any video.</summary>
    NoResult,

    /// <summary>The provider failed the task.</summary>
    ProviderFailed,

    /// <summary>"Not found" once too often in a row.</summary>
    Gone,

    /// <summary>Anything else (pending, processing, unreachable, unknown, an occasional "not found"): keep polling.</summary>
    StillOpen,
}

internal static class StatusAnswers
{
    /// <param name="saga">The task before the answer is recorded: its "not found" count does not include this one yet.</param>
    public static StatusAnswer MeaningOf(this TaskStatusObserved answer, VideoTaskState saga, PollingOptions polling) => answer.State switch
    {
        ProviderTaskState.Succeeded => answer.Videos.Count > 0 ? StatusAnswer.Done : StatusAnswer.NoResult,
        ProviderTaskState.Failed => StatusAnswer.ProviderFailed,
        ProviderTaskState.NotFound when saga.NotFoundInARow + 1 >= polling.NotFoundLimit => StatusAnswer.Gone,
        _ => StatusAnswer.StillOpen,
    };
}
