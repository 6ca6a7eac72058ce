using System.Text.Json;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>What a provider says it holds or charged for a task reaches the caller: completion, status and sidecar.</summary>
[Collection(PlatformCollection.Name)]
public class When_the_provider_says_what_a_task_holds(PlatformFixture platform)
{
    [Fact]
    public async Task Should_carry_evolinks_credits_to_the_completion_the_status_and_the_sidecar()
    {
        var id = Guid.NewGuid();

        // The simulator reserves one credit per second of video, as EvoLink bills per second.
        await platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a kite that counts its seconds"));

        var archived = await platform.Events.WaitForAsync<VideoArchived>(id);
        platform.Events.All<TaskCompleted>(id).ShouldHaveSingleItem().ProviderCredits.ShouldBe(5d);
        using var sidecar = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(archived.Videos.Single().Path, ".json")));
        sidecar.RootElement.GetProperty("providerCredits").GetDouble().ShouldBe(5d);
        var status = await platform.StatusOfAsync(id);
        status.ProviderCredits.ShouldBe(5d);
        status.ProviderCanCancel.ShouldBe(false, "a finished task can no longer be cancelled at EvoLink");
    }

    [Fact]
    public async Task Should_say_nothing_for_a_provider_that_says_nothing()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a kite that keeps its own counsel"));

        await platform.Events.WaitForAsync<VideoArchived>(id);
        platform.Events.All<TaskCompleted>(id).ShouldHaveSingleItem().ProviderCredits.ShouldBeNull();
        (await platform.StatusOfAsync(id)).ProviderCredits.ShouldBeNull();
    }
}
