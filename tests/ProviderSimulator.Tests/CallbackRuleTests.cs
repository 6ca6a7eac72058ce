using System.Net.Http.Json;

namespace ProviderSimulator.Tests;

/// <summary>The callback URL rules as a client meets them: a 400 in the provider's shape, and nothing recorded.</summary>
public sealed class CallbackRuleTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("http://example.com/hook", "https")]
    [InlineData("https://192.168.0.10/hook", "internal")]
    [InlineData("https://localhost:8443/hook", "internal")]
    public async Task EvoLink_refuses_an_insecure_callback_url_with_its_400(string url, string reason)
    {
        using var client = fixture.Simulator.Client(SimulatorFixture.EvoLinkKey);
        var before = await fixture.Simulator.StatsAsync();

        using var response = await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(url));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.JsonAsync()).At("error");
        error.At("code").GetInt32().ShouldBe(400);
        error.Text("type").ShouldBe("invalid_request_error");
        error.Text("message").ShouldStartWith("callback_url");
        error.Text("message").ShouldContain(reason);
        (await fixture.Simulator.StatsAsync()).Tasks.ShouldBe(before.Tasks);
    }

    [Fact]
    public async Task EvoLink_accepts_a_public_https_callback_url()
    {
        using var client = fixture.Simulator.Client(SimulatorFixture.EvoLinkKey);

        // Stuck, so nothing is ever sent to the outside world.
        using var response = await client.PostAsJsonAsync("/v1/videos/generations",
            CallbackBodies.EvoLink("https://example.com/hook", "a cat [sim:stuck]"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EvoLink_refuses_a_callback_url_that_is_not_a_string()
    {
        using var client = fixture.Simulator.Client(SimulatorFixture.EvoLinkKey);

        using var response = await client.PostAsJsonAsync("/v1/videos/generations",
            new { model = "kling-v3-image-to-video", image_start = "https://example.com/a.jpg", callback_url = 42 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).Text("error.message").ShouldBe("callback_url must be a string");
    }

    [Fact]
    public async Task MyRouter_refuses_an_insecure_webhook_url_with_its_400()
    {
        using var client = fixture.Simulator.Client(SimulatorFixture.MyRouterKey);

        using var response = await client.PostAsJsonAsync("/v3/async/kling-v3.0-pro-i2v", CallbackBodies.MyRouter("http://127.0.0.1:9/hook"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await response.JsonAsync();
        error.Text("reason").ShouldBe("INVALID_REQUEST_BODY");
        error.Text("message").ShouldStartWith("extra.webhook.url");
    }

    [Theory]
    [InlineData("EvoLink")]
    [InlineData("MyRouter")]
    public async Task Switch_accepts_an_http_loopback_url_but_not_an_overlong_one(string provider)
    {
        await using var simulator = await RunningSimulator.StartAsync(
            new Dictionary<string, string?> { ["Simulator:AllowInsecureCallbacks"] = "true" });
        using var client = simulator.Client("key");
        var api = ProviderCase.Named(provider);
        var local = "http://127.0.0.1:9/hook";

        using var accepted = await client.PostAsJsonAsync(api.SubmitPath, CallbackBodies.For(api, local, "[sim:stuck]"));
        using var overlong = await client.PostAsJsonAsync(api.SubmitPath, CallbackBodies.For(api, local + new string('a', 2048), "[sim:stuck]"));

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        overlong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        api.ErrorCodeOf(await overlong.JsonAsync()).ShouldBe(400);
    }
}
