using System.Net.Http.Json;

namespace ProviderSimulator.Tests;

/// <summary>Failed attempts, timeouts, reset and shutdown.</summary>
public sealed class CallbackRetryTests
{
    [Fact]
    public async Task Two_failed_attempts_are_retried_after_1_and_2_seconds_and_the_third_arrives()
    {
        await using var receiver = await CallbackReceiver.StartAsync(failFirst: 2);
        await using var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync();
        using var client = simulator.Client("key");

        (await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url()))).Dispose();

        var third = await receiver.WaitForAsync(3, TimeSpan.FromSeconds(10));
        var attempts = receiver.Received;
        // Late stamps under load only lengthen a gap: the upper bounds still tell a 1 s backoff from a 2 s one.
        (attempts[1].At - attempts[0].At).TotalSeconds.ShouldBeInRange(0.95, 1.9);
        (third.At - attempts[1].At).TotalSeconds.ShouldBeInRange(1.95, 3.5);
        attempts.Select(a => a.Body).Distinct().Count().ShouldBe(1);
        var stats = await simulator.StatsAfterCallbackAttemptsAsync(3);
        stats.CallbacksDelivered.ShouldBe(1);
        stats.CallbacksFailed.ShouldBe(2);
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        receiver.Received.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_attempt_that_outlasts_the_timeout_fails_and_is_retried()
    {
        await using var receiver = await CallbackReceiver.StartAsync(failFirst: 1, stall: TimeSpan.FromSeconds(5));
        await using var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync(timeoutSeconds: 0.3);
        using var client = simulator.Client("key");

        (await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url()))).Dispose();

        var second = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(5));
        // Cut at 0.3 s and retried after the 1 s backoff, not after the receiver's 5 s stall; the receiver stamps the
        // first attempt when it gets to it, which under load is late, so the lower bound is the backoff less a margin.
        (second.At - receiver.Received[0].At).TotalSeconds.ShouldBeInRange(0.9, 3.0);
        var stats = await simulator.StatsAfterCallbackAttemptsAsync(2);
        stats.CallbacksFailed.ShouldBe(1);
        stats.CallbacksDelivered.ShouldBe(1);
    }

    [Fact]
    public async Task Reset_cancels_callbacks_not_yet_sent_and_clears_the_counts()
    {
        await using var receiver = await CallbackReceiver.StartAsync(failFirst: 1);
        await using var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync();
        using var client = simulator.Client("key");
        (await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url("/retried")))).Dispose();
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(5));
        (await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url("/pending")))).Dispose();

        (await client.PostAsync("/_sim/reset", null)).Dispose();

        await Task.Delay(RunningSimulator.TaskTime + TimeSpan.FromSeconds(1));
        receiver.Received.Select(c => c.Path).ShouldBe(["/retried"]);
        var stats = await simulator.StatsAsync();
        stats.CallbacksFailed.ShouldBe(0);
        stats.CallbacksDelivered.ShouldBe(0);
    }

    [Fact]
    public async Task Stopping_the_simulator_abandons_a_delivery_under_way_instead_of_waiting_for_it()
    {
        await using var receiver = await CallbackReceiver.StartAsync(failFirst: 1, stall: TimeSpan.FromSeconds(30));
        var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync(timeoutSeconds: 30);
        using var client = simulator.Client("key");
        (await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url()))).Dispose();
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(5));

        var stopping = DateTime.UtcNow;
        await simulator.DisposeAsync();

        (DateTime.UtcNow - stopping).ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }
}
