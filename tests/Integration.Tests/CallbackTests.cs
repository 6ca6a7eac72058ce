using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[CollectionDefinition(Name)]
public sealed class CallbackCollection : ICollectionFixture<CallbackPlatformFixture>
{
    public const string Name = "callbacks";
}

[Collection(CallbackCollection.Name)]
public class When_a_provider_calls_back(CallbackPlatformFixture platform, ITestOutputHelper output)
{
    [Theory]
    [InlineData("evolink", "kling-v3-image-to-video")]
    [InlineData("myrouter", "kling-v3.0-pro-i2v")]
    public async Task Should_see_the_result_within_a_second_of_completion(string provider, string model)
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(EndpointRequests.For(id, provider, model, "a kite over the dunes"));

        // Polling is once a minute here, so finishing within seconds is the callback's doing.
        var completed = await platform.Events.WaitForAsync<TaskCompleted>(id, TimeSpan.FromSeconds(20));
        var task = await platform.Simulator.TaskForAsync(id);
        var lag = completed.CompletedAt - task.CompletesAt!.Value;
        output.WriteLine($"{provider}: detection lag {lag.TotalMilliseconds:0} ms with polling once a minute");
        lag.ShouldBeLessThan(TimeSpan.FromSeconds(1), $"provider finished at {task.CompletesAt:O}, platform saw it at {completed.CompletedAt:O}");
        task.Queries.ShouldBe(1, "the callback's one status query found the result");
    }
}

[Collection(CallbackCollection.Name)]
public class When_a_callback_is_forged(CallbackPlatformFixture platform)
{
    [Fact]
    public async Task Should_cost_no_status_query_without_a_valid_token()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a lighthouse in fog [sim:stuck]"));
        await platform.Events.WaitForAsync<TaskSubmitted>(id);
        await platform.Bus.WaitForStatusAsync(id, s => s.Found);
        var signedForAnother = platform.CallbackPath("evolink", Guid.NewGuid());

        var unsigned = await platform.Poller.PostAsync($"/callbacks/evolink/{id}", null);
        var borrowed = await platform.Poller.PostAsync($"/callbacks/evolink/{id}/{signedForAnother[(signedForAnother.LastIndexOf('/') + 1)..]}", null);
        // A genuine call for another task, made after these, would arrive after anything they had published.
        var marker = Guid.NewGuid();
        await platform.Bus.Publish(EndpointRequests.For(marker, "evolink", "kling-v3-image-to-video", "a marker"));
        await platform.Events.WaitForAsync<TaskCompleted>(marker, TimeSpan.FromSeconds(20));

        unsigned.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        borrowed.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a token signed for another request");
        (await platform.Simulator.TaskForAsync(id)).Queries.ShouldBe(0);
    }

    /// <summary>A body is never read: even a signed call (a leaked URL) claiming success costs one status query and changes nothing.</summary>
    [Fact]
    public async Task Should_change_nothing_but_one_status_query_even_when_signed()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a clock that never strikes [sim:stuck]"));
        var submitted = await platform.Events.WaitForAsync<TaskSubmitted>(id);
        await platform.Bus.WaitForStatusAsync(id, s => s.Found);
        // Past the simulated pending phase, so the provider's honest answer is "processing".
        await Task.Delay(TimeSpan.FromSeconds(CallbackPlatformFixture.PendingSeconds + 0.2));

        // A body claiming success, with a result link of the forger's choosing.
        var response = await platform.Poller.PostAsJsonAsync(platform.CallbackPath("evolink", id), new
        {
            id = submitted.ProviderTaskId,
            status = "completed",
            progress = 100,
            results = new[] { "http://203.0.113.9/not-our-video.mp4" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var status = await platform.Bus.WaitForStatusAsync(id, s => s.State == VideoTaskStates.Processing);
        status.State.ShouldBe(VideoTaskStates.Processing, "the provider, asked at once, says it is still generating");
        status.Videos.ShouldBeEmpty();
        (await platform.Simulator.TaskForAsync(id)).Queries.ShouldBe(1);
        platform.Events.All<TaskCompleted>(id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_be_ignored_when_it_names_another_provider_than_the_tasks()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a mill wheel [sim:stuck]"));
        await platform.Events.WaitForAsync<TaskSubmitted>(id);
        await platform.Bus.WaitForStatusAsync(id, s => s.Found);

        var response = await platform.Poller.PostAsync(platform.CallbackPath("modellix", id), null);
        // A genuine call for another task, made after this one, arrives after the ignored one on the same queue.
        var marker = Guid.NewGuid();
        await platform.Bus.Publish(EndpointRequests.For(marker, "evolink", "kling-v3-image-to-video", "a marker"));
        await platform.Events.WaitForAsync<TaskCompleted>(marker, TimeSpan.FromSeconds(20));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await platform.Simulator.TaskForAsync(id)).Queries.ShouldBe(0);
        (await platform.Bus.StatusOfAsync(id)).State.ShouldBe(VideoTaskStates.Pending);
    }

    [Fact]
    public async Task Should_answer_the_same_for_an_unknown_request()
    {
        var response = await platform.Poller.PostAsync(platform.CallbackPath("evolink", Guid.NewGuid()), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, "the answer tells a caller nothing about which requests exist");
    }

    [Theory]
    [InlineData("/callbacks/acme/3f2504e0-4f89-11d3-9a0c-0305e82c3301", HttpStatusCode.NotFound)]
    [InlineData("/callbacks/evolink/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("/callbacks/evolink/3f2504e0-4f89-11d3-9a0c-0305e82c3301", HttpStatusCode.NotFound)]
    [InlineData("/callbacks/evolink/3f2504e0-4f89-11d3-9a0c-0305e82c3301/AAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.NotFound)]
    public async Task Should_refuse_a_path_without_a_token_signed_for_its_provider_and_request(string path, HttpStatusCode expected)
    {
        var response = await platform.Poller.PostAsync(path, null);

        response.StatusCode.ShouldBe(expected);
    }
}
