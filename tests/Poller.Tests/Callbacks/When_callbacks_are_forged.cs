using System.Net;
using System.Security.Cryptography;
using System.Buffers.Text;

namespace VideoPlatform.Poller.Tests.Callbacks;

/// <summary>
/// Anyone can POST to the callback route. A call without a token signed for its provider and request is answered
/// 404 and costs nothing behind the endpoint: no bus message, so no saga transaction and no provider query.
/// </summary>
public sealed class When_callbacks_are_forged
{
    [Fact]
    public async Task Should_cost_no_bus_message_and_no_provider_query_for_500_forgeries()
    {
        // Arrange: a real task in flight, so a forgery that got through would cost a real query.
        await using var host = await CallbackEndpointHost.StartAsync();
        var id = await host.TaskInFlightAsync();
        var before = host.PublishedCount;
        var forgeries = Forgeries(id).ToList();
        var paths = Enumerable.Range(0, 500).Select(i => forgeries[i % forgeries.Count]).ToList();

        // Act
        var answers = new List<HttpStatusCode>();
        foreach (var batch in paths.Chunk(50))
            answers.AddRange(await Task.WhenAll(batch.Select(async path => (await host.Http.PostAsync(path, null)).StatusCode)));

        // Assert
        answers.ShouldAllBe(status => status == HttpStatusCode.NotFound);
        host.PublishedCount.ShouldBe(before, "a forged callback published something");
        (await host.QueriesAfterAsync(1, TimeSpan.FromMilliseconds(500))).ShouldBe(0, "a forged callback reached the provider");
    }

    [Theory]
    [InlineData("wrong token")]
    [InlineData("missing token")]
    [InlineData("token of another request")]
    [InlineData("token for another provider")]
    [InlineData("token signed with an unknown key")]
    public async Task Should_answer_404_and_publish_nothing(string forgery)
    {
        await using var host = await CallbackEndpointHost.StartAsync();
        var id = await host.TaskInFlightAsync();
        var before = host.PublishedCount;

        var response = await host.Http.PostAsync(Forgery(id, forgery), null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, forgery);
        host.PublishedCount.ShouldBe(before, forgery);
    }

    private static IEnumerable<string> Forgeries(Guid id) =>
        new[] { "wrong token", "missing token", "token of another request", "token for another provider", "token signed with an unknown key" }
            .Select(kind => Forgery(id, kind));

    private static string Forgery(Guid id, string kind) => kind switch
    {
        "wrong token" => $"/callbacks/modellix/{id}/{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16))}",
        "missing token" => $"/callbacks/modellix/{id}",
        "token of another request" => $"/callbacks/modellix/{id}/{TokenOf(CallbackEndpointHost.PathFor("modellix", Guid.NewGuid()))}",
        "token for another provider" => $"/callbacks/modellix/{id}/{TokenOf(CallbackEndpointHost.PathFor("evolink", id))}",
        "token signed with an unknown key" => CallbackEndpointHost.PathFor("modellix", id, "an-attackers-own-key-0123456789abcdef"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string TokenOf(string path) => path[(path.LastIndexOf('/') + 1)..];
}
