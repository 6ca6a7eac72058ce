using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

public class When_a_key_allows_only_so_many_tasks_at_once(KnownSlotsPlatformFixture platform) : IClassFixture<KnownSlotsPlatformFixture>
{
    [Fact]
    public async Task Should_hold_the_rest_back_and_finish_every_task_without_one_refusal()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a kite over dunes"))));

        foreach (var id in ids)
            await platform.Events.WaitForAsync<TaskCompleted>(id, TimeSpan.FromSeconds(120));
        (await platform.Simulator.RateLimitedAsync()).ShouldBe(0, "the platform never went past the key's limit");
        ids.Count(id => platform.Events.All<TaskQueued>(id).Count > 0).ShouldBeGreaterThanOrEqualTo(ids.Count - SlottedPlatformFixture.ProviderMaxTasks);
        foreach (var id in ids)
        {
            platform.Events.All<TaskFailed>(id).ShouldBeEmpty();
            (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(1);
        }
    }
}

public class When_a_request_waits_for_a_slot(KnownSlotsPlatformFixture platform) : IClassFixture<KnownSlotsPlatformFixture>
{
    [Fact]
    public async Task Should_answer_queued_with_its_place_and_take_a_cancel_before_any_provider_call()
    {
        var ids = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        var last = ids[^1];
        foreach (var id in ids)
            await platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a lighthouse in fog"));
        var queued = await platform.Events.WaitForAsync<TaskQueued>(last, TimeSpan.FromSeconds(30));

        var client = platform.Bus.CreateRequestClient<GetVideoTaskStatus>(RequestTimeout.After(s: 10));
        var status = (await client.GetResponse<VideoTaskStatus>(new GetVideoTaskStatus { RequestId = last })).Message;
        var cancel = await platform.Bus.CreateRequestClient<CancelVideoTask>(RequestTimeout.After(s: 10))
            .GetResponse<CancelVideoTaskResult>(new CancelVideoTask { RequestId = last });

        (status.State, status.QueuePosition, status.QueuedAt).ShouldBe(("queued", queued.Position, queued.QueuedAt));
        cancel.Message.Outcome.ShouldBe(CancelOutcomes.Canceled);
        foreach (var id in ids.SkipLast(1))
            await platform.Events.WaitForAsync<TaskCompleted>(id, TimeSpan.FromSeconds(120));
        (await platform.Simulator.SubmitsForAsync(last)).ShouldBe(0, "canceled while it waited: never sent to the provider");
        platform.Events.All<TaskSubmitted>(last).ShouldBeEmpty();
    }
}

public class When_a_provider_refuses_a_task_at_its_concurrency_limit(UnknownSlotsPlatformFixture platform) : IClassFixture<UnknownSlotsPlatformFixture>
{
    [Fact]
    public async Task Should_put_the_request_back_in_line_and_finish_it_instead_of_failing_it()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a tram at night"))));

        foreach (var id in ids)
            await platform.Events.WaitForAsync<TaskCompleted>(id, TimeSpan.FromSeconds(120));
        (await platform.Simulator.RateLimitedAsync()).ShouldBeGreaterThan(0, "five at once past a limit of two: the provider must have refused some");
        ids.SelectMany(id => platform.Events.All<TaskQueued>(id)).ShouldContain(q => q.Reason == "provider_at_limit");
        foreach (var id in ids)
            platform.Events.All<TaskFailed>(id).ShouldBeEmpty();
    }
}
