using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// What only Modellix's own client shows about the body cap (what every provider shares is in
/// <c>Http/When_a_provider_answer_is_over_the_cap</c>): a refusal is still read by its status, and a body without a
/// length is read no further than the cap.
/// </summary>
public sealed class When_a_modellix_answer_is_too_large
{
    private const string Route = "/api/v1/kling/kling-v3-i2v/async";

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

    private static IModellixApi Answering(HttpStatusCode status, string body) =>
        ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(status, body)));
}
