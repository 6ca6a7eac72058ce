using System.Net;
using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// A 200 whose body is not the documented acceptance: the task may exist and be billed, so the outcome is
/// Ambiguous (never Retryable, never Rejected).
/// </summary>
public sealed class When_modellix_answers_a_submit_with_an_undocumented_body
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "malformed JSON", """{"code":0,"message":"success","data":{"task_id":""" },
        { "HTML from a proxy", "<html><body>OK</body></html>" },
        { "empty body", "" },
        { "non-zero code", """{"code":500,"message":"Internal: queue full","data":{"task_id":"task-1"}}""" },
        { "no task id", """{"code":0,"message":"success","data":{"status":"pending"}}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Should_be_ambiguous(string situation, string body)
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, body)));

        // Act
        var outcome = await client.SubmitAsync("/api/v1/kling/kling-video-o1/async", new JsonObject { ["prompt"] = "a cat" }, Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous, situation);
        outcome.HttpStatus.ShouldBe(200);
        outcome.ProviderTaskId.ShouldBeNull();
    }
}
