using System.Net;
using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>Rate or concurrency limit, through the client: both calls come back later, after the advertised delay.</summary>
public sealed class When_modellix_answers_429
{
    private readonly StubHttpHandler _network = StubHttpHandler.Answering(() =>
        ModellixAnswers.Response(HttpStatusCode.TooManyRequests, ModellixAnswers.Error(429, "Too Many Requests: slow down"), retryAfterSeconds: 7));

    [Fact]
    public async Task Should_make_the_submit_retryable_with_the_advertised_delay()
    {
        // Arrange
        var client = ModellixClients.Over(_network);

        // Act
        var outcome = await client.SubmitAsync("/api/v1/kling/kling-v3-i2v/async", new JsonObject { ["prompt"] = "a cat" }, Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.HttpStatus.ShouldBe(429);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Should_make_the_query_unreachable_with_the_advertised_delay()
    {
        // Arrange
        var client = ModellixClients.Over(_network);

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Unreachable);
        status.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }
}
