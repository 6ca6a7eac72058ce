using System.Net;
using System.Text.Json.Nodes;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// A finished task whose side values are odd (a timestamp in microseconds, a negative one, a number where a string
/// belongs) still completes: an unusable value is "not said", never an exception or an unreadable answer.
/// </summary>
public sealed class When_a_modellix_answer_carries_odd_values
{
    private const string MicrosecondsTimestamp = "1767312000000000";

    public static TheoryData<string, string> UnusableExpiries => new()
    {
        { "microseconds", MicrosecondsTimestamp },
        { "negative", "-1" },
        { "zero", "0" },
        { "seconds instead of milliseconds", "1767312000" },
        { "long max", long.MaxValue.ToString() },
        { "long min", long.MinValue.ToString() },
        { "beyond long", "1e30" },
        { "date text", "\"2026-01-02T00:00:00Z\"" },
        { "object", "{\"at\":1}" },
    };

    [Theory]
    [MemberData(nameof(UnusableExpiries))]
    public async Task Should_complete_with_the_documented_lifetime_when_result_expires_at_is_unusable(string situation, string expiresAt)
    {
        // Arrange
        var client = Answering(Succeeded($"\"result_expires_at\":{expiresAt},\"completed_at\":{ModellixAnswers.CompletedAtMs}"));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Succeeded, situation);
        status.Videos.ShouldHaveSingleItem().ExpiresAt
            .ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(ModellixAnswers.CompletedAtMs) + TimeSpan.FromHours(24), situation);
    }

    [Theory]
    [InlineData(MicrosecondsTimestamp)]
    [InlineData("-86400000")]
    [InlineData("9223372036854775807")]
    public async Task Should_count_the_lifetime_from_now_when_completed_at_is_unusable_too(string completedAt)
    {
        // Arrange
        var client = Answering(Succeeded($"\"result_expires_at\":{MicrosecondsTimestamp},\"completed_at\":{completedAt}"));
        var before = DateTimeOffset.UtcNow;

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Succeeded);
        status.Videos.ShouldHaveSingleItem().ExpiresAt.ShouldNotBeNull()
            .ShouldBeInRange(before.AddHours(24), DateTimeOffset.UtcNow.AddHours(24));
    }

    [Fact]
    public async Task Should_complete_when_sizes_and_format_are_not_the_documented_types()
    {
        // Arrange
        var client = Answering($$$$"""
            {"code":0,"message":"success","data":{"task_id":"task-42","status":"success","completed_at":{{{{ModellixAnswers.CompletedAtMs}}}},
             "result":{"resources":[{"url":"{{{{ModellixAnswers.VideoUrl}}}}","type":"video","width":1e12,"height":-240.5,"format":4}]}}}
            """);

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Succeeded);
        var video = status.Videos.ShouldHaveSingleItem();
        video.Url.ShouldBe(ModellixAnswers.VideoUrl);
        video.Width.ShouldBeNull();
        video.Height.ShouldBeNull();
        video.Format.ShouldBe("4");
    }

    [Theory]
    [InlineData("1767225600000000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-30")]
    [InlineData("1e300")]
    [InlineData("500000000000")]
    public async Task Should_stay_retryable_without_a_delay_when_the_rate_limit_reset_is_unusable(string reset)
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Answering(() =>
        {
            var response = ModellixAnswers.Response(HttpStatusCode.TooManyRequests, ModellixAnswers.Error(429, "Too Many Requests: slow down"));
            response.Headers.Add("x-ratelimit-reset", reset);
            return response;
        }));

        // Act
        var outcome = await client.SubmitAsync("/api/v1/kling/kling-v3-i2v/async", new JsonObject { ["prompt"] = "a cat" }, Guid.NewGuid(), CancellationToken.None);
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBeNull();
        status.State.ShouldBe(ProviderTaskState.Unreachable);
        status.RetryAfter.ShouldBeNull();
    }

    private static string Succeeded(string times) => $$$"""
        {"code":0,"message":"success","data":{"task_id":"task-42","status":"success",
         "result":{"resources":[{"url":"{{{ModellixAnswers.VideoUrl}}}","type":"video","format":"mp4"}]},{{{times}}}}}
        """;

    private static IModellixApi Answering(string body) =>
        ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, body)));
}
