using System.Net;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>
/// The HTTP shape of every MyRouter call as it leaves the registered client: method, path under a base URL that has
/// its own path, escaped values, the key in the Authorization header only, the JSON body, and a paid submit sent once.
/// </summary>
public sealed class When_MyRouter_calls_go_on_the_wire
{
    private const string GatewayBaseUrl = "https://gateway.test/myrouter/";

    private static readonly Dictionary<string, string?> BehindGateway = new() { ["Providers:MyRouter:BaseUrl"] = GatewayBaseUrl };

    private static readonly VideoOptions Request = new() { Image = "https://cdn.example.com/first.jpg", Prompt = "a cat turns its head" };

    [Fact]
    public async Task Should_post_json_to_the_model_route_under_the_base_path_with_the_bearer_key_and_request_id()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, """{"task_id":"t-1"}""", settings: BehindGateway);
        var requestId = Guid.NewGuid();

        // Act
        await host.MyRouter.SubmitAsync(requestId, Request, CancellationToken.None);

        // Assert
        var sent = host.Network.Single;
        sent.Message.Method.ShouldBe(HttpMethod.Post);
        sent.Message.RequestUri!.AbsoluteUri.ShouldBe("https://gateway.test/myrouter/v3/async/kling-v3.0-pro-i2v");
        sent.Message.Headers.Authorization!.ToString().ShouldBe($"Bearer {ProviderHost.ApiKey}");
        sent.Message.Headers.GetValues("X-Request-Id").ShouldBe([requestId.ToString()]);
        sent.Message.Content!.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        sent.Json().GetProperty("prompt").GetString().ShouldBe(Request.Prompt);
        sent.Message.RequestUri.ToString().ShouldNotContain(ProviderHost.ApiKey);
    }

    [Fact]
    public async Task Should_get_the_task_result_with_the_whole_task_id_escaped_into_one_query_value()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, MyRouterAnswers.TaskResult("TASK_STATUS_QUEUED"), settings: BehindGateway);

        // Act
        await host.MyRouter.QueryAsync("a/b c&d=e+f#g", CancellationToken.None);

        // Assert
        var sent = host.Network.Single;
        sent.Message.Method.ShouldBe(HttpMethod.Get);
        sent.Message.RequestUri!.AbsoluteUri.ShouldBe("https://gateway.test/myrouter/v3/async/task-result?task_id=a%2Fb%20c%26d%3De%2Bf%23g");
        sent.Message.Headers.Authorization!.ToString().ShouldBe($"Bearer {ProviderHost.ApiKey}");
        sent.Body.ShouldBeNull();
    }

    [Fact]
    public async Task Should_send_a_submit_once_when_the_connection_drops_after_sending()
    {
        // Arrange
        using var host = ProviderHost.Over(StubNetwork.DroppingAfterSending());

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Request, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        host.Network.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_send_a_submit_once_when_no_answer_arrives_in_time()
    {
        // Arrange
        using var host = ProviderHost.Over(StubNetwork.NeverAnswering(), new Dictionary<string, string?> { ["Providers:MyRouter:SubmitTimeoutSeconds"] = "1" });

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Request, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        host.Network.Sent.Count.ShouldBe(1);
    }
}
