using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// A request routed by model whose first provider fails the task on its own side (EvoLink's <c>service_error</c>,
/// asked of the simulator for EvoLink only, so the same body goes through at the next provider).
/// </summary>
public class When_a_provider_fails_a_routed_task_on_its_side(ReroutePlatformFixture platform) : IClassFixture<ReroutePlatformFixture>
{
    private const string FailsAtEvoLinkOnly = "[sim:fail-server-side@evolink]";

    private static GenerateVideo Routed(Guid id, string prompt, bool? reroute) => new()
    {
        RequestId = id,
        Model = ReroutePlatformFixture.Route,
        Options = new VideoOptions { Prompt = prompt, Image = "https://example.com/keyframe.jpg", Duration = 5 },
        RerouteOnProviderFailure = reroute,
    };

    [Fact]
    public async Task Should_send_it_on_once_to_the_next_endpoint_and_archive_what_that_one_makes()
    {
        // Arrange
        var id = Guid.NewGuid();

        // Act
        await platform.Bus.Publish(Routed(id, $"a glider over a ridge {FailsAtEvoLinkOnly}", reroute: true));
        var archived = await platform.Events.WaitForAsync<VideoArchived>(id, TimeSpan.FromSeconds(90));

        // Assert
        var chain = platform.Events.InOrder(id).Where(e => e is TaskSubmitted or TaskRerouted or TaskCompleted or TaskFailed or VideoArchived).ToList();
        chain.Select(e => e.GetType().Name).ShouldBe(
            [nameof(TaskSubmitted), nameof(TaskRerouted), nameof(TaskSubmitted), nameof(TaskCompleted), nameof(VideoArchived)]);
        var first = (TaskSubmitted)chain[0];
        var rerouted = (TaskRerouted)chain[1];
        var second = (TaskSubmitted)chain[2];
        (first.Provider, first.Model, first.ReroutesOnProviderFailure, first.ReroutedFrom).ShouldBe(("evolink", "kling-v3-image-to-video", (bool?)true, (string?)null));
        (rerouted.Provider, rerouted.Model, rerouted.ProviderTaskId, rerouted.ProviderFailureCode)
            .ShouldBe(("evolink", "kling-v3-image-to-video", first.ProviderTaskId, (string?)"service_error"));
        (second.Provider, second.Model, second.ReroutedFrom).ShouldBe(("modellix", "kling-v3-i2v", (string?)ReroutePlatformFixture.First));
        second.ReroutesOnProviderFailure.ShouldBeNull("once only: a failure at the second endpoint ends the request");
        ((TaskCompleted)chain[3]).ProviderTaskId.ShouldBe(second.ProviderTaskId);
        (archived.Provider, archived.ProviderTaskId).ShouldBe(("modellix", second.ProviderTaskId));

        (await platform.Simulator.TasksPerProviderAsync(id)).ShouldBe(new Dictionary<string, int> { ["EvoLink"] = 1, ["Modellix"] = 1 });
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(2, "one call to each provider, none refused or repeated");

        var status = await platform.Bus.WaitForStatusAsync(id, s => s.ArchivedVideos.Count > 0);
        status.State.ShouldBe(VideoTaskStates.Completed);
        (status.Provider, status.Model, status.ProviderTaskId).ShouldBe(("modellix", "kling-v3-i2v", second.ProviderTaskId));
        status.ArchivedVideos.Select(v => v.Path).ShouldBe(archived.Videos.Select(v => v.Path));
        status.FailureCode.ShouldBeNull();
    }

    [Fact]
    public async Task Should_fail_it_with_the_providers_reason_when_the_request_did_not_ask_for_a_reroute()
    {
        // Arrange
        var id = Guid.NewGuid();

        // Act
        await platform.Bus.Publish(Routed(id, $"a glider over a ridge {FailsAtEvoLinkOnly}", reroute: null));
        var failed = await platform.Events.WaitForAsync<TaskFailed>(id, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2)); // long enough for a reroute's second submit, were there one

        // Assert
        (failed.ReasonCode, failed.Provider).ShouldBe((FailureReasons.ProviderFailed, "evolink"));
        failed.Reason.ShouldContain("service_error");
        platform.Events.All<TaskSubmitted>(id).ShouldHaveSingleItem().ReroutesOnProviderFailure.ShouldBeNull();
        platform.Events.All<TaskRerouted>(id).ShouldBeEmpty();
        platform.Events.All<VideoArchived>(id).ShouldBeEmpty();
        (await platform.Simulator.TasksPerProviderAsync(id)).ShouldBe(new Dictionary<string, int> { ["EvoLink"] = 1 });
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(1);

        var status = await platform.Bus.WaitForStatusAsync(id, s => s.State == VideoTaskStates.Failed);
        (status.State, status.FailureCode, status.Provider).ShouldBe((VideoTaskStates.Failed, FailureReasons.ProviderFailed, "evolink"));
    }
}
