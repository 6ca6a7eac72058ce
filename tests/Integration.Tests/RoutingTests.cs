using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_a_request_names_a_routed_model_but_no_provider(PlatformFixture platform)
{
    private static GenerateVideo Routed(Guid id, string prompt) => new()
    {
        RequestId = id,
        Model = "any-kling-v3-i2v",
        Options = new VideoOptions { Prompt = prompt, Image = "https://example.com/keyframe.jpg", Duration = 5 },
    };

    [Fact]
    public async Task Should_go_to_the_first_provider_of_the_route_and_say_which_took_it()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Routed(id, "a windmill at dawn"));

        var submitted = await platform.Events.WaitForAsync<TaskSubmitted>(id);
        submitted.Provider.ShouldBe("modellix");
        submitted.Model.ShouldBe("kling-v3-i2v");
        (await platform.Events.WaitForAsync<VideoArchived>(id)).Provider.ShouldBe("modellix");
    }

    [Fact]
    public async Task Should_move_on_past_providers_without_balance_and_fail_only_when_none_takes_it()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Routed(id, "an expensive clip [sim:submit-402]"));

        var failed = await platform.Events.WaitForAsync<TaskFailed>(id);
        failed.ReasonCode.ShouldBe(FailureReasons.ProviderRejected);
        failed.Provider.ShouldBe("evolink", "the last provider of the route gave the final answer");
        failed.Reason.ShouldContain("insufficient balance");
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(3, "each provider of the route was asked once");
        var status = await platform.WaitForStatusAsync(id, s => s.Found);
        status.State.ShouldBe(VideoTaskStates.Failed, "a status query says why, not 'not found'");
        status.FailureCode.ShouldBe(FailureReasons.ProviderRejected);
        status.FailureReason.ShouldBe(failed.Reason);
    }

    [Fact]
    public async Task Should_reject_a_model_without_provider_or_route()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Routed(id, "anything") with { Model = "no-such-route" });

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(id);
        rejected.Violations.ShouldHaveSingleItem().Rule.ShouldBe("unknown_route");
    }
}
