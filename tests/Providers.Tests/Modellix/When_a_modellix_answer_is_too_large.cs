using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// Answers are read up to a cap (1 MiB by default), never buffered whole: a bigger body is an answer that cannot be
/// read. For a submit that may have been taken that is Ambiguous; for a query it is "ask again later".
/// </summary>
public sealed class When_a_modellix_answer_is_too_large
{
    private const string Route = "/api/v1/kling/kling-v3-i2v/async";

    [Fact]
    public async Task Should_make_a_submit_ambiguous()
    {
        // Arrange
        var client = Answering(HttpStatusCode.OK, PaddedBody.Of(ModellixAnswers.Accepted("task-1")));

        // Act
        var outcome = await client.SubmitAsync(Route, new JsonObject { ["prompt"] = "a cat" }, Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        outcome.ProviderTaskId.ShouldBeNull();
        outcome.HttpStatus.ShouldBe(200);
        outcome.Message.ShouldContain("1048576 bytes");
    }

    [Fact]
    public async Task Should_still_classify_a_refusal_by_its_status()
    {
        // Arrange: a proxy's oversized error page on a 429 is still a refusal before acceptance.
        var client = Answering(HttpStatusCode.TooManyRequests, PaddedBody.Of(ModellixAnswers.Error(429, "Too Many Requests: slow down")));

        // Act
        var outcome = await client.SubmitAsync(Route, new JsonObject { ["prompt"] = "a cat" }, Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.Message.Length.ShouldBeLessThan(1000);
    }

    [Fact]
    public async Task Should_make_a_query_unreachable()
    {
        // Arrange
        var client = Answering(HttpStatusCode.OK, PaddedBody.Of(ModellixAnswers.SucceededTask()));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Unreachable);
        status.Videos.ShouldBeEmpty();
        status.FailureMessage.ShouldNotBeNull().ShouldContain("1048576 bytes");
    }

    [Fact]
    public async Task Should_read_a_body_without_a_length_no_further_than_the_cap()
    {
        // Arrange
        var body = new CountingStream(Encoding.UTF8.GetBytes(PaddedBody.Of(ModellixAnswers.SucceededTask())));
        var client = ModellixClients.Over(StubHttpHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) }));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Unreachable);
        body.BytesRead.ShouldBe(1024 * 1024 + 1, "one byte past the cap tells the body is longer");
    }

    [Fact]
    public async Task Should_read_an_answer_up_to_the_configured_cap()
    {
        // Arrange
        var network = StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, PaddedBody.Of(ModellixAnswers.SucceededTask())));
        var client = ModellixClients.Over(network, o => o.MaxResponseBodyBytes = 4 * 1024 * 1024);

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Succeeded);
        status.Videos.ShouldHaveSingleItem().Url.ShouldBe(ModellixAnswers.VideoUrl);
    }

    private static IModellixApi Answering(HttpStatusCode status, string body) =>
        ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(status, body)));
}
