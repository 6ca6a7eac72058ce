using Microsoft.Extensions.Time.Testing;
using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Providers.Tests.RateLimiting;

public class When_the_in_memory_store_hands_out_tokens
{
    private static readonly RateBudget Budget = RateBudget.ForRequestsPerMinute(600); // 9 tokens/s, 30 held, 15 reserved

    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryRateLimitStore _store;

    public When_the_in_memory_store_hands_out_tokens() => _store = new InMemoryRateLimitStore(_clock);

    private Task<TimeSpan> Take(ProviderCallKind kind, string key = "evolink:k1") => _store.TryTakeAsync(key, Budget, kind, CancellationToken.None);

    [Fact]
    public async Task Should_give_a_full_bucket_then_make_callers_wait_for_the_refill()
    {
        for (var i = 0; i < Budget.Capacity; i++)
            (await Take(ProviderCallKind.Submit)).ShouldBe(TimeSpan.Zero);

        var wait = await Take(ProviderCallKind.Submit);

        wait.TotalSeconds.ShouldBe(1 / Budget.TokensPerSecond, 0.001);
        _clock.Advance(wait - TimeSpan.FromMilliseconds(5));
        (await Take(ProviderCallKind.Submit)).ShouldBeGreaterThan(TimeSpan.Zero, "not a moment before");
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        (await Take(ProviderCallKind.Submit)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Should_refuse_a_query_the_reserve_that_a_submit_still_gets()
    {
        while (await Take(ProviderCallKind.Query) == TimeSpan.Zero) { }

        (await Take(ProviderCallKind.Query)).ShouldBeGreaterThan(TimeSpan.Zero);
        (await Take(ProviderCallKind.Submit)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Should_keep_each_key_to_its_own_bucket()
    {
        while (await Take(ProviderCallKind.Submit, "evolink:k1") == TimeSpan.Zero) { }

        (await Take(ProviderCallKind.Submit, "evolink:k2")).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Should_let_nobody_call_until_the_providers_retry_after_has_passed()
    {
        await _store.SlowDownAsync("evolink:k1", TimeSpan.FromSeconds(60), CancellationToken.None);

        (await Take(ProviderCallKind.Submit)).ShouldBe(TimeSpan.FromSeconds(60));
        _clock.Advance(TimeSpan.FromSeconds(59));
        (await Take(ProviderCallKind.Submit)).ShouldBe(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(1 / Budget.TokensPerSecond));
        (await Take(ProviderCallKind.Submit)).ShouldBe(TimeSpan.Zero, "refilling starts when the pause ends");
    }

    [Fact]
    public async Task Should_grant_no_more_than_the_budget_over_a_simulated_minute()
    {
        var granted = 0;
        for (var step = 0; step < 6000; step++)
        {
            while (await Take(step % 3 == 0 ? ProviderCallKind.Submit : ProviderCallKind.Query) == TimeSpan.Zero)
                granted++;
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        granted.ShouldBeLessThanOrEqualTo(570);
        granted.ShouldBeGreaterThanOrEqualTo(550, "the budget is used, not wasted");
    }
}
