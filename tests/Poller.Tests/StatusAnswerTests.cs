using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using static VideoPlatform.Poller.Tests.ScriptedProvider;

namespace VideoPlatform.Poller.Tests;

/// <summary>What each provider answer means for an open task: the filters of the saga's status blocks.</summary>
public class StatusAnswerTests
{
    private static readonly PollingOptions Polling = new() { NotFoundLimit = 3 };
    private static readonly Guid Id = Guid.NewGuid();

    [Theory]
    [InlineData(ProviderTaskState.Succeeded, StatusAnswer.Done)]
    [InlineData(ProviderTaskState.Failed, StatusAnswer.ProviderFailed)]
    [InlineData(ProviderTaskState.Pending, StatusAnswer.StillOpen)]
    [InlineData(ProviderTaskState.Processing, StatusAnswer.StillOpen)]
    [InlineData(ProviderTaskState.Unreachable, StatusAnswer.StillOpen)]
    [InlineData(ProviderTaskState.Unknown, StatusAnswer.StillOpen)]
    [InlineData(ProviderTaskState.NotFound, StatusAnswer.StillOpen)]
    public void An_answer_on_a_fresh_task_means(ProviderTaskState state, StatusAnswer meaning) =>
        Observed(Id, state).MeaningOf(new VideoTaskState(), Polling).ShouldBe(meaning);

    [Fact]
    public void A_success_without_any_video_is_no_result() =>
        (Observed(Id, ProviderTaskState.Succeeded) with { Videos = NoVideos }).MeaningOf(new VideoTaskState(), Polling).ShouldBe(StatusAnswer.NoResult);

    [Theory]
    [InlineData(1, StatusAnswer.StillOpen)]
    [InlineData(2, StatusAnswer.Gone)]
    [InlineData(5, StatusAnswer.Gone)]
    public void Not_found_is_gone_when_this_answer_reaches_the_limit(int notFoundBefore, StatusAnswer meaning) =>
        Observed(Id, ProviderTaskState.NotFound).MeaningOf(new VideoTaskState { NotFoundInARow = notFoundBefore }, Polling).ShouldBe(meaning);

    [Theory]
    [InlineData(ProviderTaskState.Processing, StatusAnswer.StillOpen)]
    [InlineData(ProviderTaskState.Succeeded, StatusAnswer.Done)]
    [InlineData(ProviderTaskState.Failed, StatusAnswer.ProviderFailed)]
    public void Earlier_not_founds_count_only_for_another_not_found(ProviderTaskState state, StatusAnswer meaning) =>
        Observed(Id, state).MeaningOf(new VideoTaskState { NotFoundInARow = 5 }, Polling).ShouldBe(meaning);
}
