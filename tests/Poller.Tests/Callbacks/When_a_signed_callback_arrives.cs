using System.Net;

namespace VideoPlatform.Poller.Tests.Callbacks;

/// <summary>
/// A call with a valid token asks the saga to check its task now, at most once per task per
/// <c>Callbacks:MinSecondsBetweenChecks</c>: a provider's retries, or a leaked URL replayed, are answered 202 and
/// publish nothing more.
/// </summary>
public sealed class When_a_signed_callback_arrives
{
    [Fact]
    public async Task Should_publish_once_and_query_the_provider_once()
    {
        await using var host = await CallbackEndpointHost.StartAsync();
        var id = await host.TaskInFlightAsync();

        var response = await host.Http.PostAsync(CallbackEndpointHost.PathFor("modellix", id), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        host.CallbacksPublished.ShouldBe(1);
        (await host.QueriesAfterAsync(1, TimeSpan.FromSeconds(10))).ShouldBe(1);
    }

    [Fact]
    public async Task Should_publish_once_for_a_burst_of_50_within_the_interval()
    {
        await using var host = await CallbackEndpointHost.StartAsync(minSecondsBetweenChecks: 60);
        var id = await host.TaskInFlightAsync();
        var path = CallbackEndpointHost.PathFor("modellix", id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ => (await host.Http.PostAsync(path, null)).StatusCode));

        answers.ShouldAllBe(status => status == HttpStatusCode.Accepted, "a throttled call is answered as any valid one");
        host.CallbacksPublished.ShouldBe(1);
        (await host.QueriesAfterAsync(2, TimeSpan.FromMilliseconds(500))).ShouldBe(1);
    }

    [Fact]
    public async Task Should_check_again_once_the_interval_has_passed()
    {
        await using var host = await CallbackEndpointHost.StartAsync(minSecondsBetweenChecks: 10);
        var id = await host.TaskInFlightAsync();
        var path = CallbackEndpointHost.PathFor("modellix", id);
        await host.Http.PostAsync(path, null);
        host.Time.Advance(TimeSpan.FromSeconds(9));
        await host.Http.PostAsync(path, null);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Http.PostAsync(path, null);

        host.CallbacksPublished.ShouldBe(2);
    }

    [Fact]
    public async Task Should_throttle_each_task_on_its_own()
    {
        await using var host = await CallbackEndpointHost.StartAsync(minSecondsBetweenChecks: 60);
        var first = await host.TaskInFlightAsync();
        var second = await host.TaskInFlightAsync();

        await host.Http.PostAsync(CallbackEndpointHost.PathFor("modellix", first), null);
        await host.Http.PostAsync(CallbackEndpointHost.PathFor("modellix", second), null);

        host.CallbacksPublished.ShouldBe(2);
    }
}

/// <summary>Rotation: URLs handed out under the previous key keep working while it is configured; no other key does.</summary>
public sealed class When_the_signing_key_is_rotated
{
    [Fact]
    public async Task Should_accept_a_url_signed_with_the_previous_key()
    {
        await using var host = await CallbackEndpointHost.StartAsync();
        var id = await host.TaskInFlightAsync();

        var response = await host.Http.PostAsync(CallbackEndpointHost.PathFor("modellix", id, CallbackEndpointHost.PreviousSigningKey), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        host.CallbacksPublished.ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_the_previous_key_once_it_is_removed()
    {
        await using var host = await CallbackEndpointHost.StartAsync(previousSigningKey: null);
        var id = await host.TaskInFlightAsync();

        var response = await host.Http.PostAsync(CallbackEndpointHost.PathFor("modellix", id, CallbackEndpointHost.PreviousSigningKey), null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        host.CallbacksPublished.ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_a_url_signed_with_an_unknown_key()
    {
        await using var host = await CallbackEndpointHost.StartAsync();
        var id = await host.TaskInFlightAsync();

        var response = await host.Http.PostAsync(CallbackEndpointHost.PathFor("modellix", id, "some-other-deployments-key-0123456789"), null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        host.CallbacksPublished.ShouldBe(0);
    }
}
