using System.Net;
using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>A submit Modellix accepts, seen on the wire: route, headers, body, and where the key goes.</summary>
public sealed class When_submitting_through_the_modellix_client
{
    private const string Route = "/api/v1/kling/kling-v3-i2v/async";

    private static readonly JsonObject Body = new() { ["image"] = "https://example.com/a.jpg", ["prompt"] = "a cat", ["duration"] = 5 };

    private readonly StubHttpHandler _network = StubHttpHandler.Answering(() =>
        ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.Accepted("task-v3-i2v-123")));

    [Fact]
    public async Task Should_return_the_task_id_modellix_assigned()
    {
        // Arrange
        var client = ModellixClients.Over(_network);

        // Act
        var outcome = await client.SubmitAsync(Route, Body.DeepClone().AsObject(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted);
        outcome.ProviderTaskId.ShouldBe("task-v3-i2v-123");
    }

    [Fact]
    public async Task Should_post_the_json_body_to_the_model_route_under_the_base_url()
    {
        // Arrange
        var client = ModellixClients.Over(_network, o => o.BaseUrl = "https://modellix.test/");

        // Act
        await client.SubmitAsync(Route, Body.DeepClone().AsObject(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        var sent = _network.Sent.ShouldHaveSingleItem();
        sent.Message.Method.ShouldBe(HttpMethod.Post);
        sent.Message.RequestUri.ShouldBe(new Uri("https://modellix.test/api/v1/kling/kling-v3-i2v/async"));
        sent.Message.Content!.Headers.ContentType!.MediaType.ShouldBe("application/json");
        JsonNode.Parse(sent.Body!).ShouldBeJson(Body.ToJsonString());
    }

    [Fact]
    public async Task Should_send_the_key_as_a_bearer_token_and_the_request_id()
    {
        // Arrange
        var client = ModellixClients.Over(_network);
        var requestId = Guid.NewGuid();

        // Act
        await client.SubmitAsync(Route, Body.DeepClone().AsObject(), requestId, CancellationToken.None);

        // Assert
        var sent = _network.Sent.ShouldHaveSingleItem().Message;
        sent.Headers.Authorization.ShouldNotBeNull();
        sent.Headers.Authorization.Scheme.ShouldBe("Bearer");
        sent.Headers.Authorization.Parameter.ShouldBe(ModellixClients.ApiKey);
        sent.Headers.GetValues("X-Request-Id").ShouldHaveSingleItem().ShouldBe(requestId.ToString());
    }

    [Fact]
    public async Task Should_never_put_the_key_in_the_url()
    {
        // Arrange
        var client = ModellixClients.Over(_network);

        // Act
        await client.SubmitAsync(Route, Body.DeepClone().AsObject(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        var sent = _network.Sent.ShouldHaveSingleItem();
        sent.Message.RequestUri!.ToString().ShouldNotContain(ModellixClients.ApiKey);
        sent.Body!.ShouldNotContain(ModellixClients.ApiKey);
    }
}
