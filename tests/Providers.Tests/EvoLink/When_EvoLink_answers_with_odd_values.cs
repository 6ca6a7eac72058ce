using System.Net;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>
/// Odd side values (a progress out of range, an absurd estimate) leave an answer readable: a finished task still
/// completes and an accepted submit is still accepted.
/// </summary>
public sealed class When_EvoLink_answers_with_odd_values
{
    private const string VideoUrl = "https://files.evolink.test/out/a.mp4";
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/a.jpg", Prompt = "p" };

    public static TheoryData<string, object> OddProgress => new()
    {
        { "fraction", 99.5 },
        { "beyond int", 1e12 },
        { "negative", -1 },
        { "over 100", 250 },
        { "text", "done" },
    };

    [Theory]
    [MemberData(nameof(OddProgress))]
    public async Task Should_complete_a_finished_task_whatever_its_progress_says(string situation, object progress)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("completed", progress, results: new[] { VideoUrl }));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded, situation);
        result.Videos.ShouldHaveSingleItem().Url.ShouldBe(VideoUrl);
        (result.ProgressPercent is null or (>= 0 and <= 100)).ShouldBeTrue(situation);
    }

    public static TheoryData<string, object> OddEstimates => new()
    {
        { "beyond int", 1e12 },
        { "negative", -300 },
    };

    [Theory]
    [MemberData(nameof(OddEstimates))]
    public async Task Should_accept_a_submit_whose_estimate_is_unusable(string situation, object estimate)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending", taskInfo: new { can_cancel = true, estimated_time = estimate }));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted, situation);
        outcome.ProviderTaskId.ShouldBe(EvoLinkAnswers.TaskId);
        outcome.EstimatedSeconds.ShouldBeNull(situation);
    }

    [Fact]
    public async Task Should_refuse_a_submit_retryably_without_a_delay_when_the_text_asks_for_days()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.TooManyRequests,
            EvoLinkAnswers.Error(429, "Rate limit exceeded", "rate_limit_error", "retry after 999999 seconds"));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public async Task Should_refuse_a_submit_retryably_without_a_delay_when_the_rate_limit_reset_is_in_microseconds()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.TooManyRequests, EvoLinkAnswers.Error(429, "rate limited", "rate_limit_error"),
            r => r.Headers.Add("x-ratelimit-reset", "1767225600000000"));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBeNull();
    }
}
