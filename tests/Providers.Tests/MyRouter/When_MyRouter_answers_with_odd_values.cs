using System.Net;
using System.Text.Json;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>
/// A finished task whose side values are odd (an absurd TTL, a negative eta) still completes: an
/// unusable value is "not said", never an exception or an unreadable answer.
/// </summary>
public sealed class When_MyRouter_answers_with_odd_values
{
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/a.jpg", Prompt = "p" };

    public static TheoryData<string, object> AbsurdTtls => new()
    {
        { "huge string", "99999999999999" },
        { "long max as string", long.MaxValue.ToString() },
        { "long max", long.MaxValue },
        { "beyond long", 1e30 },
        { "ten thousand years", 10_000L * 365 * 24 * 3600 },
    };

    [Theory]
    [MemberData(nameof(AbsurdTtls))]
    public async Task Should_complete_with_an_unknown_expiry_when_the_ttl_is_absurd(string situation, object ttl)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, Succeeded(eta: 0, progress: 100, ttl));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded, situation);
        var video = result.Videos.ShouldHaveSingleItem();
        video.Url.ShouldBe(MyRouterAnswers.VideoUrl);
        video.ExpiresAt.ShouldBeNull(situation);
    }

    public static TheoryData<string, object, object> OddProgress => new()
    {
        { "negative eta", -5, 100 },
        { "eta beyond int", 1e12, 100 },
        { "eta as text", "soon", 100 },
        { "progress beyond int", 0, 1e10 },
        { "negative progress", 0, -1 },
        { "progress over 100", 0, 250 },
        { "fractional progress", 0, 99.5 },
    };

    [Theory]
    [MemberData(nameof(OddProgress))]
    public async Task Should_complete_and_leave_out_an_unusable_eta_or_progress(string situation, object eta, object progress)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, Succeeded(eta, progress, "3600"));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded, situation);
        result.Videos.ShouldHaveSingleItem().ExpiresAt.ShouldNotBeNull(situation);
        result.EtaSeconds.ShouldBeNull(situation);
        (result.ProgressPercent is null or (>= 0 and <= 100)).ShouldBeTrue(situation);
    }

    [Theory]
    [InlineData("1767225600000000")]
    [InlineData("NaN")]
    [InlineData("-30")]
    public async Task Should_refuse_a_submit_retryably_without_a_delay_when_the_rate_limit_reset_is_unusable(string reset)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.TooManyRequests, MyRouterAnswers.Error(429, "RATE_LIMIT_EXCEEDED", "slow down"),
            r => r.Headers.Add("x-ratelimit-reset", reset));

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBeNull();
    }

    private static string Succeeded(object eta, object progress, object ttl) =>
        JsonSerializer.Serialize(new
        {
            task = new { task_id = MyRouterAnswers.TaskId, status = "TASK_STATUS_SUCCEED", reason = "", eta, progress_percent = progress },
            videos = new[] { MyRouterAnswers.Video(ttl) },
        });
}
