using System.Net;
using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// The HTTP shape of every Modellix call as it leaves the registered client: method, a model route with several
/// segments under a base URL that has its own path, an escaped task id, the key in the Authorization header only,
/// the JSON body, and a paid submit sent once.
/// </summary>
public sealed class When_modellix_calls_go_on_the_wire
{
    private const string GatewayBaseUrl = "https://gateway.test/modellix/";
    private const string Route = "/api/v1/image-to-video/kling/kling-v1.6-mi2v/async";

    private static readonly JsonObject Body = new() { ["image_list"] = new JsonArray(new JsonObject { ["image"] = "https://example.com/a.jpg" }), ["prompt"] = "a cat" };

    [Fact]
    public async Task Should_post_json_to_the_model_route_under_the_base_path_with_the_bearer_key_and_request_id()
    {
        // Arrange
        var network = StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.Accepted("task-1")));
        var client = ModellixClients.Over(network, o => o.BaseUrl = GatewayBaseUrl);
        var requestId = Guid.NewGuid();

        // Act
        await client.SubmitAsync(Route, Body.DeepClone().AsObject(), requestId, CancellationToken.None);

        // Assert
        var sent = network.Sent.ShouldHaveSingleItem();
        sent.Message.Method.ShouldBe(HttpMethod.Post);
        sent.Message.RequestUri!.AbsoluteUri.ShouldBe("https://gateway.test/modellix/api/v1/image-to-video/kling/kling-v1.6-mi2v/async");
        sent.Message.Headers.Authorization!.ToString().ShouldBe($"Bearer {ModellixClients.ApiKey}");
        sent.Message.Headers.GetValues("X-Request-Id").ShouldBe([requestId.ToString()]);
        sent.Message.Content!.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        JsonNode.Parse(sent.Body!).ShouldBeJson(Body.ToJsonString());
    }

    [Fact]
    public async Task Should_get_the_task_with_the_whole_task_id_escaped_into_one_path_segment()
    {
        // Arrange
        var network = StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.Task("processing")));
        var client = ModellixClients.Over(network, o => o.BaseUrl = GatewayBaseUrl);

        // Act
        await client.GetTaskAsync("../a/b c?x=1#g", CancellationToken.None);

        // Assert
        var sent = network.Sent.ShouldHaveSingleItem();
        sent.Message.Method.ShouldBe(HttpMethod.Get);
        sent.Message.RequestUri!.AbsoluteUri.ShouldBe("https://gateway.test/modellix/api/v1/tasks/..%2Fa%2Fb%20c%3Fx%3D1%23g");
        sent.Message.Headers.Authorization!.ToString().ShouldBe($"Bearer {ModellixClients.ApiKey}");
        sent.Body.ShouldBeNull();
    }

    [Fact]
    public async Task Should_send_a_submit_once_when_the_connection_drops_after_sending()
    {
        // Arrange
        var network = StubHttpHandler.Throwing(new HttpRequestException(HttpRequestError.ResponseEnded, "the connection closed before an answer"));
        var client = ModellixClients.Over(network);

        // Act
        var outcome = await client.SubmitAsync(Route, Body.DeepClone().AsObject(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        network.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_send_a_submit_once_when_no_answer_arrives_in_time()
    {
        // Arrange
        var network = StubHttpHandler.Hanging();
        var client = ModellixClients.Over(network, o => o.SubmitTimeoutSeconds = 1);

        // Act
        var outcome = await client.SubmitAsync(Route, Body.DeepClone().AsObject(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        network.Sent.Count.ShouldBe(1);
    }
}
