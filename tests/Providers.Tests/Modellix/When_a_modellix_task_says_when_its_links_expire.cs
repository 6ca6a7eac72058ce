using System.Net;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// Modellix's own fields set the expiry: <c>result_expires_at</c> (Unix milliseconds, as documented), else the
/// documented 24 h from <c>completed_at</c>, whose unit is not documented and is told by magnitude, else 24 h from
/// when the result is first seen.
/// </summary>
public sealed class When_a_modellix_task_says_when_its_links_expire
{
    private const long CompletedAtSeconds = ModellixAnswers.CompletedAtMs / 1000;
    private static readonly DateTimeOffset CompletedAt = DateTimeOffset.FromUnixTimeMilliseconds(ModellixAnswers.CompletedAtMs);

    [Fact]
    public async Task Should_take_result_expires_at_in_milliseconds()
    {
        // Arrange
        var client = Answering($"\"result_expires_at\":{ModellixAnswers.CompletedAtMs + 3_600_000},\"completed_at\":{CompletedAtSeconds}");

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.Videos.ShouldHaveSingleItem().ExpiresAt.ShouldBe(CompletedAt.AddHours(1));
    }

    [Theory]
    [InlineData("milliseconds", "1767225600000")]
    [InlineData("seconds", "1767225600")]
    [InlineData("seconds as a float", "1767225600.0")]
    [InlineData("seconds as text", "\"1767225600\"")]
    [InlineData("milliseconds as text", "\"1767225600000\"")]
    public async Task Should_count_24_hours_from_completed_at_in_seconds_or_milliseconds(string unit, string completedAt)
    {
        // Arrange
        var client = Answering($"\"completed_at\":{completedAt}");

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.Videos.ShouldHaveSingleItem().ExpiresAt.ShouldBe(CompletedAt.AddHours(24), unit);
    }

    [Fact]
    public async Task Should_count_24_hours_from_first_seen_when_the_answer_gives_no_time()
    {
        // Arrange
        var client = Answering("\"task_id\":\"task-42\"");
        var before = DateTimeOffset.UtcNow;

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.Videos.ShouldHaveSingleItem().ExpiresAt.ShouldNotBeNull().ShouldBeInRange(before.AddHours(24), DateTimeOffset.UtcNow.AddHours(24));
    }

    private static IModellixApi Answering(string times) =>
        ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, $$$$"""
            {"code":0,"message":"success","data":{"status":"success",{{{{times}}}},
             "result":{"resources":[{"url":"{{{{ModellixAnswers.VideoUrl}}}}","type":"video"}]}}}
            """)));
}
