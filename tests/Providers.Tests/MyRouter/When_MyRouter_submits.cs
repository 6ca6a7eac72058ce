using System.Net;
using System.Text.Json;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>The submit request MyRouter receives: its route, its key and its documented body.</summary>
public sealed class When_MyRouter_submits
{
    private const string Accepted = """{"task_id":"7f1c0c4e-task"}""";

    private static readonly VideoOptions Everything = new()
    {
        Image = "https://cdn.example.com/first.jpg",
        Prompt = "a cat turns its head",
        NegativePrompt = "blur",
        Sound = true,
        Duration = 10,
        CfgScale = 0.5,
        EndImage = "https://cdn.example.com/last.png",
    };

    [Fact]
    public async Task Should_post_to_the_model_route_with_the_bearer_key()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, Accepted);
        var requestId = Guid.NewGuid();

        // Act
        var outcome = await host.MyRouter.SubmitAsync(requestId, Everything, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted);
        outcome.ProviderTaskId.ShouldBe("7f1c0c4e-task");
        var sent = host.Network.Single.Message;
        sent.Method.ShouldBe(HttpMethod.Post);
        sent.RequestUri.ShouldBe(new Uri($"{ProviderHost.MyRouterBaseUrl}/v3/async/kling-v3.0-pro-i2v"));
        sent.Headers.Authorization!.ToString().ShouldBe($"Bearer {ProviderHost.ApiKey}");
        sent.Headers.GetValues("X-Request-Id").ShouldBe([requestId.ToString()]);
    }

    [Fact]
    public async Task Should_send_every_field_under_its_documented_name_and_type()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, Accepted);

        // Act
        await host.MyRouter.SubmitAsync(Guid.NewGuid(), Everything, CancellationToken.None);

        // Assert
        var body = host.Network.Single.Json();
        body.Names().ShouldBe(["image", "prompt", "negative_prompt", "sound", "duration", "cfg_scale", "end_image"], ignoreOrder: true);
        body.GetProperty("image").GetString().ShouldBe(Everything.Image);
        body.GetProperty("prompt").GetString().ShouldBe(Everything.Prompt);
        body.GetProperty("negative_prompt").GetString().ShouldBe("blur");
        body.GetProperty("sound").ValueKind.ShouldBe(JsonValueKind.True);
        body.GetProperty("duration").GetInt32().ShouldBe(10);
        body.GetProperty("cfg_scale").GetDouble().ShouldBe(0.5);
        body.GetProperty("end_image").GetString().ShouldBe(Everything.EndImage);
    }

    [Fact]
    public async Task Should_send_sound_off_as_the_boolean_false()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, Accepted);

        // Act
        await host.MyRouter.SubmitAsync(Guid.NewGuid(), Everything with { Sound = false }, CancellationToken.None);

        // Assert
        host.Network.Single.Json().GetProperty("sound").ValueKind.ShouldBe(JsonValueKind.False);
    }

    [Fact]
    public async Task Should_leave_absent_options_out_so_the_provider_defaults_apply()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, Accepted);

        // Act
        await host.MyRouter.SubmitAsync(Guid.NewGuid(), new VideoOptions { Image = "https://cdn.example.com/a.png", Prompt = "p" }, CancellationToken.None);

        // Assert
        host.Network.Single.Json().Names().ShouldBe(["image", "prompt"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_send_multi_prompt_as_shot_objects_without_null_durations()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, Accepted);
        var options = new VideoOptions
        {
            Image = "https://cdn.example.com/a.png",
            MultiPrompt = [new PromptShot { Prompt = "wide shot", Duration = 4 }, new PromptShot { Prompt = "close-up" }],
        };

        // Act
        await host.MyRouter.SubmitAsync(Guid.NewGuid(), options, CancellationToken.None);

        // Assert
        var body = host.Network.Single.Json();
        body.Names().ShouldBe(["image", "multi_prompt"], ignoreOrder: true);
        var shots = body.GetProperty("multi_prompt").EnumerateArray().ToArray();
        shots.Length.ShouldBe(2);
        shots[0].Names().ShouldBe(["prompt", "duration"], ignoreOrder: true);
        shots[0].GetProperty("prompt").GetString().ShouldBe("wide shot");
        shots[0].GetProperty("duration").GetInt32().ShouldBe(4);
        shots[1].Names().ShouldBe(["prompt"]);
        shots[1].GetProperty("prompt").GetString().ShouldBe("close-up");
    }
}
