using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Providers.Tests.RateLimiting;

/// <summary>The gate on the real clock, with a budget of 600 a minute (9 calls a second).</summary>
public class When_calls_wait_for_their_turn
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static ProviderRateGate Gate(int requestsPerMinute, out InMemoryRateLimitStore store)
    {
        store = new InMemoryRateLimitStore(TimeProvider.System);
        var options = new StaticOptions(new ProviderOptions { BaseUrl = "https://evolink.test", ApiKey = "k", RequestsPerMinute = requestsPerMinute });
        return new ProviderRateGate(store, options, TimeProvider.System, NullLogger<ProviderRateGate>.Instance);
    }

    [Fact]
    public void Should_not_wait_at_all_without_a_limit()
    {
        var gate = Gate(0, out _);

        var turns = Enumerable.Range(0, 1000).Select(_ => gate.WaitTurnAsync("evolink", ProviderCallKind.Query, Now, CancellationToken.None));

        turns.ShouldAllBe(t => t.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Should_let_a_submit_go_first_then_the_queries_most_likely_done()
    {
        // Arrange: a clock that stands still, so no token comes back while the four callers line up (on the real
        // clock one returns every 100 ms, and a slow machine let the first in line take it before the others came).
        var clock = new FakeTimeProvider(Now);
        var store = new InMemoryRateLimitStore(clock);
        var options = new StaticOptions(new ProviderOptions { BaseUrl = "https://evolink.test", ApiKey = "k", RequestsPerMinute = 600 });
        var gate = new ProviderRateGate(store, options, clock, NullLogger<ProviderRateGate>.Instance);
        await DrainAsync(store);
        var order = new List<string>();
        Task Turn(string name, ProviderCallKind kind, int likelyDoneInSeconds) =>
            gate.WaitTurnAsync("evolink", kind, Now.AddSeconds(likelyDoneInSeconds), CancellationToken.None)
                .ContinueWith(_ => { lock (order) order.Add(name); }, TaskScheduler.Default);
        var turns = new[]
        {
            Turn("query done in 60 s", ProviderCallKind.Query, 60),
            Turn("query done already", ProviderCallKind.Query, -30),
            Turn("query done in 5 s", ProviderCallKind.Query, 5),
            Turn("submit", ProviderCallKind.Submit, 0),
        };

        // Act: tokens come back one at a time.
        var all = Task.WhenAll(turns);
        for (var i = 0; i < 200 && !all.IsCompleted; i++)
        {
            await Task.Delay(10);
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }
        await all.WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        order.ShouldBe(["submit", "query done already", "query done in 5 s", "query done in 60 s"]);
    }

    [Fact]
    public async Task Should_give_up_the_place_of_a_caller_who_stopped_waiting()
    {
        var gate = Gate(600, out var store);
        await DrainAsync(store);
        using var giveUp = new CancellationTokenSource();

        var first = gate.WaitTurnAsync("evolink", ProviderCallKind.Query, Now.AddSeconds(-60), giveUp.Token);
        var second = gate.WaitTurnAsync("evolink", ProviderCallKind.Query, Now, CancellationToken.None);
        await giveUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(first);
        await second.WaitAsync(TimeSpan.FromSeconds(20));
        second.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Should_hold_every_caller_while_the_provider_asked_to_slow_down()
    {
        var gate = Gate(600, out _);
        await gate.SlowDownAsync("evolink", TimeSpan.FromSeconds(1.5), CancellationToken.None);
        var started = DateTimeOffset.UtcNow;

        await gate.WaitTurnAsync("evolink", ProviderCallKind.Submit, Now, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        (DateTimeOffset.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.4));
    }

    /// <summary>Empties the key's bucket, as a burst of calls would.</summary>
    private static async Task DrainAsync(InMemoryRateLimitStore store)
    {
        var key = ProviderRateGate.KeyFor("EvoLink", "k");
        while (await store.TryTakeAsync(key, RateBudget.ForRequestsPerMinute(600), ProviderCallKind.Submit, CancellationToken.None) == TimeSpan.Zero) { }
    }

    private sealed class StaticOptions(ProviderOptions options) : IOptionsMonitor<ProviderOptions>
    {
        public ProviderOptions CurrentValue => options;
        public ProviderOptions Get(string? name) => options;
        public IDisposable? OnChange(Action<ProviderOptions, string?> listener) => null;
    }
}
