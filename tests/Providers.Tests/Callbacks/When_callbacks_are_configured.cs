using System.Net;
using System.Text.Json;
using VideoPlatform.Providers.Tests.EvoLink;

namespace VideoPlatform.Providers.Tests.Callbacks;

/// <summary>Which callback URL each provider that supports one is given at submit (MyRouter: When_MyRouter_callbacks_are_on).</summary>
public sealed class When_callbacks_are_configured
{
    private const string PublicBase = "https://video.example.com/platform/";
    private static readonly Guid RequestId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static readonly string MyRouterAccepted = JsonSerializer.Serialize(new { task_id = "t-1" });

    private static readonly VideoOptions Options = new()
    {
        Image = "https://cdn.example.com/first.jpg",
        Prompt = "a heron lifting off",
    };

    [Fact]
    public async Task Should_send_EvoLink_our_callback_url_for_the_request()
    {
        using var host = ProviderHost.WithCallbacks(PublicBase, HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        await host.EvoLink.SubmitAsync(RequestId, Options, CancellationToken.None);

        host.Network.Single.Json().GetProperty("callback_url").GetString()
            .ShouldBe($"https://video.example.com/platform/callbacks/evolink/{RequestId}/{ProviderHost.CallbackToken("evolink", RequestId)}");
    }

    [Fact]
    public async Task Should_keep_a_callback_url_the_caller_chose_for_EvoLink()
    {
        using var host = ProviderHost.WithCallbacks(PublicBase, HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        await host.EvoLink.SubmitAsync(RequestId, Options with { CallbackUrl = "https://hooks.example.com/mine" }, CancellationToken.None);

        host.Network.Single.Json().GetProperty("callback_url").GetString().ShouldBe("https://hooks.example.com/mine");
    }

    [Fact]
    public async Task Should_send_no_callback_when_none_is_configured()
    {
        using var evoLink = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));
        using var myRouter = ProviderHost.Answering(HttpStatusCode.OK, MyRouterAccepted);

        await evoLink.EvoLink.SubmitAsync(RequestId, Options, CancellationToken.None);
        await myRouter.MyRouter.SubmitAsync(RequestId, Options, CancellationToken.None);

        evoLink.Network.Single.Json().TryGetProperty("callback_url", out _).ShouldBeFalse();
        myRouter.Network.Single.Json().TryGetProperty("extra", out _).ShouldBeFalse();
    }
}
