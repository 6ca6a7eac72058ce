using System.Net;

namespace VideoPlatform.Providers.Tests.Http;

/// <summary>
/// The HTTP shape of every provider call as it leaves the registered client: method, the model's route under a base
/// URL that has its own path, the task id escaped into one path segment or query value, the key in the Authorization
/// header only, the JSON body, and a paid submit sent once.
/// </summary>
public sealed class When_provider_calls_go_on_the_wire
{
    [Theory]
    [MemberData(nameof(ProviderCase.Names), MemberType = typeof(ProviderCase))]
    public async Task Should_post_json_to_the_model_route_under_the_base_path_with_the_bearer_key_and_request_id(string provider)
    {
        // Arrange
        var row = ProviderCase.Named(provider);
        using var host = ProviderHost.Answering(HttpStatusCode.OK, row.Accepted, settings: row.BehindGateway());
        var requestId = Guid.NewGuid();

        // Act
        await row.Model(host).SubmitAsync(requestId, ProviderCase.Request, CancellationToken.None);

        // Assert
        var sent = host.Network.Single;
        sent.Message.Method.ShouldBe(HttpMethod.Post);
        sent.Message.RequestUri!.AbsoluteUri.ShouldBe(row.SubmitUrl);
        sent.Message.Headers.Authorization!.ToString().ShouldBe($"Bearer {ProviderHost.ApiKey}");
        sent.Message.Headers.GetValues("X-Request-Id").ShouldBe([requestId.ToString()]);
        sent.Message.Content!.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        foreach (var (field, value) in row.SentFields)
            sent.Json().GetProperty(field).GetString().ShouldBe(value);
        sent.Message.RequestUri.ToString().ShouldNotContain(ProviderHost.ApiKey);
    }

    [Theory]
    [MemberData(nameof(ProviderCase.Names), MemberType = typeof(ProviderCase))]
    public async Task Should_get_the_task_with_the_whole_task_id_escaped_into_one_url_part(string provider)
    {
        // Arrange
        var row = ProviderCase.Named(provider);
        using var host = ProviderHost.Answering(HttpStatusCode.OK, row.Succeeded, settings: row.BehindGateway());

        // Act
        await row.Model(host).QueryAsync(row.OddTaskId, CancellationToken.None);

        // Assert
        var sent = host.Network.Single;
        sent.Message.Method.ShouldBe(HttpMethod.Get);
        sent.Message.RequestUri!.AbsoluteUri.ShouldBe(row.QueryUrl);
        sent.Message.Headers.Authorization!.ToString().ShouldBe($"Bearer {ProviderHost.ApiKey}");
        sent.Body.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(ProviderCase.Names), MemberType = typeof(ProviderCase))]
    public async Task Should_send_a_submit_once_when_the_connection_drops_after_sending(string provider)
    {
        // Arrange
        var row = ProviderCase.Named(provider);
        using var host = ProviderHost.Over(StubHttpHandler.DroppingAfterSending());

        // Act
        var outcome = await row.Model(host).SubmitAsync(Guid.NewGuid(), ProviderCase.Request, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        host.Network.Sent.Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(ProviderCase.Names), MemberType = typeof(ProviderCase))]
    public async Task Should_send_a_submit_once_when_no_answer_arrives_in_time(string provider)
    {
        // Arrange
        var row = ProviderCase.Named(provider);
        using var host = ProviderHost.Over(StubHttpHandler.Hanging(), row.Setting("SubmitTimeoutSeconds", 1));

        // Act
        var outcome = await row.Model(host).SubmitAsync(Guid.NewGuid(), ProviderCase.Request, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        host.Network.Sent.Count.ShouldBe(1);
    }
}
