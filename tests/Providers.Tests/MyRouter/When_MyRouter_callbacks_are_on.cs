using System.Net;
using System.Text.Json;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>
/// Seed 002 documents no webhook: Novita's <c>extra.webhook.url</c> goes to MyRouter only when
/// <c>Providers:MyRouter:SendUndocumentedWebhook</c> says so, never merely because callbacks are on.
/// </summary>
public sealed class When_MyRouter_callbacks_are_on
{
    private const string PublicBase = "https://video.example.com/platform/";
    private static readonly Guid RequestId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static readonly string Accepted = JsonSerializer.Serialize(new { task_id = "t-1" });
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/first.jpg", Prompt = "a heron lifting off" };

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Should_send_no_webhook_unless_the_undocumented_one_is_asked_for(string? sendUndocumentedWebhook)
    {
        // Arrange
        using var host = Host(sendUndocumentedWebhook);

        // Act
        await host.MyRouter.SubmitAsync(RequestId, Options, CancellationToken.None);

        // Assert
        host.Network.Single.Json().Names().ShouldBe(["image", "prompt"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_send_the_webhook_in_extra_when_the_undocumented_one_is_asked_for()
    {
        // Arrange
        using var host = Host("true");

        // Act
        await host.MyRouter.SubmitAsync(RequestId, Options, CancellationToken.None);

        // Assert
        host.Network.Single.Json().GetProperty("extra").GetProperty("webhook").GetProperty("url").GetString()
            .ShouldBe($"https://video.example.com/platform/callbacks/myrouter/{RequestId}/{ProviderHost.CallbackToken("myrouter", RequestId)}",
                "the undocumented webhook carries the same signed URL as EvoLink's callback");
    }

    [Fact]
    public async Task Should_send_no_webhook_when_asked_for_one_but_callbacks_are_off()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, Accepted,
            settings: new Dictionary<string, string?> { ["Providers:MyRouter:SendUndocumentedWebhook"] = "true" });

        // Act
        await host.MyRouter.SubmitAsync(RequestId, Options, CancellationToken.None);

        // Assert
        host.Network.Single.Json().TryGetProperty("extra", out _).ShouldBeFalse();
    }

    private static ProviderHost Host(string? sendUndocumentedWebhook) =>
        ProviderHost.Answering(HttpStatusCode.OK, Accepted, settings: new Dictionary<string, string?>
        {
            ["Callbacks:PublicBaseUrl"] = PublicBase,
            ["Callbacks:SigningKey"] = ProviderHost.CallbackSigningKey,
            ["Providers:MyRouter:SendUndocumentedWebhook"] = sendUndocumentedWebhook,
        });
}
