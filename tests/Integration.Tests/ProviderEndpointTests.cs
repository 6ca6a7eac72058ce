using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_a_request_targets_each_provider_endpoint(PlatformFixture platform)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "modellix", "kling-v3-i2v" },
        { "modellix", "kling-v1.6-mi2v" },
        { "modellix", "kling-video-o1" },
        { "myrouter", "kling-v3.0-pro-i2v" },
        { "evolink", "kling-v3-image-to-video" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Should_end_in_an_archived_video(string provider, string model)
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(EndpointRequests.For(id, provider, model, "a fox crossing a snowy field"));

        var archived = await platform.Events.WaitForAsync<VideoArchived>(id);
        archived.Provider.ShouldBe(provider);
        archived.Model.ShouldBe(model);
        File.Exists(archived.Videos.ShouldHaveSingleItem().Path).ShouldBeTrue();
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(1);
    }

    [Theory]
    [InlineData("modellix", "kling-v3-i2v")]
    [InlineData("myrouter", "kling-v3.0-pro-i2v")]
    [InlineData("evolink", "kling-v3-image-to-video")]
    public async Task Should_end_in_task_failed_with_the_providers_reason_when_generation_fails(string provider, string model)
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(EndpointRequests.For(id, provider, model, "a storm [sim:fail]"));

        var failed = await platform.Events.WaitForAsync<TaskFailed>(id);
        failed.ReasonCode.ShouldBe(FailureReasons.ProviderFailed);
        failed.Provider.ShouldBe(provider);
        failed.Reason.Length.ShouldBeGreaterThan($"{provider} failed the task: ".Length, "the provider's own reason is carried");
        platform.Events.All<VideoArchived>(id).ShouldBeEmpty();
    }
}

internal static class EndpointRequests
{
    private const string Image = "https://example.com/keyframe.jpg";

    public static GenerateVideo For(Guid id, string provider, string model, string prompt) => new()
    {
        RequestId = id,
        Provider = provider,
        Model = model,
        Options = model switch
        {
            "kling-v1.6-mi2v" => new VideoOptions { Prompt = prompt, ImageList = [Image, Image], Duration = 5 },
            "kling-video-o1" => new VideoOptions { Prompt = prompt, Images = [Image], Duration = 5, Mode = "pro" },
            "kling-v3-image-to-video" => new VideoOptions { Prompt = prompt, Image = Image, Duration = 5, Resolution = "720p", Sound = false },
            "kling-v3.0-pro-i2v" => new VideoOptions { Prompt = prompt, Image = Image, Duration = 5, Sound = true },
            _ => new VideoOptions { Prompt = prompt, Image = Image, Duration = 5 },
        },
    };
}
