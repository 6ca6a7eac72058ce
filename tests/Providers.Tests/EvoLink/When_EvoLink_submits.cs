using System.Net;
using System.Text.Json;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>The submit request EvoLink receives: its route, its key and its documented body.</summary>
public sealed class When_EvoLink_submits
{
    private static readonly VideoOptions Everything = new()
    {
        Image = "https://cdn.example.com/first.jpg",
        EndImage = "https://cdn.example.com/last.png",
        Prompt = "the person slowly turns and smiles",
        NegativePrompt = "text, watermark",
        Duration = 10,
        Resolution = "4k",
        Sound = true,
        MultiShot = true,
        ShotType = "customize",
        CallbackUrl = "https://hooks.example.com/video-done",
        ElementIds = ["829836802793406551"],
        Watermark = true,
    };

    [Fact]
    public async Task Should_post_to_the_generations_route_with_the_bearer_key_and_take_the_estimate()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Everything, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted);
        outcome.ProviderTaskId.ShouldBe(EvoLinkAnswers.TaskId);
        outcome.EstimatedSeconds.ShouldBe(300);
        var sent = host.Network.Single.Message;
        sent.Method.ShouldBe(HttpMethod.Post);
        sent.RequestUri.ShouldBe(new Uri($"{ProviderHost.EvoLinkBaseUrl}/v1/videos/generations"));
        sent.Headers.Authorization!.ToString().ShouldBe($"Bearer {ProviderHost.ApiKey}");
    }

    [Fact]
    public async Task Should_send_every_field_under_its_documented_name_and_type()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        await host.EvoLink.SubmitAsync(Guid.NewGuid(), Everything, CancellationToken.None);

        // Assert
        var body = host.Network.Single.Json();
        body.Names().ShouldBe(
            ["model", "image_start", "image_end", "prompt", "negative_prompt", "duration", "quality", "sound", "model_params", "callback_url"],
            ignoreOrder: true);
        body.GetProperty("model").GetString().ShouldBe("kling-v3-image-to-video");
        body.GetProperty("image_start").GetString().ShouldBe(Everything.Image);
        body.GetProperty("image_end").GetString().ShouldBe(Everything.EndImage);
        body.GetProperty("prompt").GetString().ShouldBe(Everything.Prompt);
        body.GetProperty("negative_prompt").GetString().ShouldBe("text, watermark");
        body.GetProperty("duration").GetInt32().ShouldBe(10);
        body.GetProperty("quality").GetString().ShouldBe("4k");
        body.GetProperty("sound").GetString().ShouldBe("on");
        body.GetProperty("callback_url").GetString().ShouldBe(Everything.CallbackUrl);
        var modelParams = body.GetProperty("model_params");
        modelParams.Names().ShouldBe(["multi_shot", "shot_type", "element_list", "watermark_info"], ignoreOrder: true);
        modelParams.GetProperty("multi_shot").ValueKind.ShouldBe(JsonValueKind.True);
        modelParams.GetProperty("shot_type").GetString().ShouldBe("customize");
        modelParams.GetProperty("element_list")[0].GetProperty("element_id").GetInt64().ShouldBe(829836802793406551);
        modelParams.GetProperty("watermark_info").GetProperty("enabled").ValueKind.ShouldBe(JsonValueKind.True);
    }

    [Fact]
    public async Task Should_send_the_model_and_leave_absent_options_out()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        await host.EvoLink.SubmitAsync(Guid.NewGuid(), new VideoOptions { Image = "https://cdn.example.com/a.png", Prompt = "p" }, CancellationToken.None);

        // Assert
        host.Network.Single.Json().Names().ShouldBe(["model", "image_start", "prompt"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_send_sound_off_and_multi_shot_alone_in_model_params()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));
        var options = new VideoOptions { Image = "https://cdn.example.com/a.png", Prompt = "p", Sound = false, MultiShot = false };

        // Act
        await host.EvoLink.SubmitAsync(Guid.NewGuid(), options, CancellationToken.None);

        // Assert
        var body = host.Network.Single.Json();
        body.GetProperty("sound").GetString().ShouldBe("off");
        var modelParams = body.GetProperty("model_params");
        modelParams.Names().ShouldBe(["multi_shot"]);
        modelParams.GetProperty("multi_shot").ValueKind.ShouldBe(JsonValueKind.False);
    }
}
