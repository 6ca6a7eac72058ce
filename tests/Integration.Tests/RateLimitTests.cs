using Xunit.Abstractions;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

public class When_a_provider_key_is_rate_limited(PacedPlatformFixture platform, ITestOutputHelper output)
    : IClassFixture<PacedPlatformFixture>
{
    [Fact]
    public async Task Should_pace_submits_and_queries_within_the_keys_budget_and_finish_every_task()
    {
        var ids = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a lantern on a pier"))));

        foreach (var id in ids)
            await platform.Events.WaitForAsync<TaskCompleted>(id, TimeSpan.FromSeconds(90));
        var calls = platform.ProviderCalls();
        var busiest = BusiestWindow(calls, TimeSpan.FromSeconds(5));
        output.WriteLine($"{calls.Count} provider calls over {(calls[^1].StartedUtc - calls[0].StartedUtc).TotalSeconds:0.0} s; at most {busiest} in any 5 s");
        // 60 a minute is paced as a bucket of 3 refilled at 54 a minute: any 5 s holds at most 3 + 4.5 calls.
        // Unpaced, the ten submits alone would go within a second.
        busiest.ShouldBeLessThanOrEqualTo(8);
        calls.Count.ShouldBeGreaterThanOrEqualTo(2 * ids.Count, "every task was submitted and queried at least once");
        (await platform.Simulator.RateLimitedAsync()).ShouldBe(0);
        foreach (var id in ids)
        {
            platform.Events.All<TaskFailed>(id).ShouldBeEmpty();
            (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(1);
        }
    }

    private static int BusiestWindow(IReadOnlyList<OutgoingCall> calls, TimeSpan window) =>
        calls.Select(first => calls.Count(c => c.StartedUtc >= first.StartedUtc && c.StartedUtc < first.StartedUtc + window)).Max();
}

public class When_a_provider_allows_less_than_the_platform_thinks(OverLimitPlatformFixture platform, ITestOutputHelper output)
    : IClassFixture<OverLimitPlatformFixture>
{
    [Fact]
    public async Task Should_wait_out_each_429_for_every_caller_of_the_key_and_fail_no_task()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => platform.Bus.Publish(EndpointRequests.For(id, "evolink", "kling-v3-image-to-video", "a heron in the reeds"))));

        foreach (var id in ids)
            await platform.Events.WaitForAsync<TaskCompleted>(id, TimeSpan.FromSeconds(90));
        var refusals = await platform.Simulator.RateLimitedAsync();
        var calls = platform.ProviderCalls();
        // The simulator's Retry-After is whole seconds, at least 1, so after any refusal the key rests for a second.
        // A call that had passed the gate before the pause was stored may still leave just after the refusal.
        var ignoredPauses = calls.Where(c => c.StatusCode == 429)
            .SelectMany(refused => calls.Where(c => c.StartedUtc > refused.StartedUtc.AddSeconds(0.3) && c.StartedUtc < refused.StartedUtc.AddSeconds(1)))
            .Distinct().ToList();
        foreach (var call in calls)
            output.WriteLine($"{(call.StartedUtc - calls[0].StartedUtc).TotalSeconds,7:0.000} s  {call.StatusCode}  {call.Url.AbsolutePath}");
        refusals.ShouldBeGreaterThan(0, "six tasks need more than 3 calls in 3 s: the provider must have refused some");
        ignoredPauses.ShouldBeEmpty("a 429 pauses the key for every caller, not just the one refused");
        foreach (var id in ids)
        {
            platform.Events.All<TaskFailed>(id).ShouldBeEmpty();
            platform.Events.All<GenerateVideoRejected>(id).ShouldBeEmpty();
            (await platform.Simulator.TaskForAsync(id)).Id.ShouldNotBeNullOrEmpty("exactly one task at the provider");
        }
    }
}
