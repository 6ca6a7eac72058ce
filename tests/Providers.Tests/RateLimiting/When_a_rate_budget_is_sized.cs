using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Providers.Tests.RateLimiting;

public class When_a_rate_budget_is_sized
{
    [Theory]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(600)]
    [InlineData(1000)]
    public void Should_never_allow_more_than_the_limit_in_any_minute(int requestsPerMinute)
    {
        var budget = RateBudget.ForRequestsPerMinute(requestsPerMinute);

        // The worst minute: a full bucket spent at once, then a minute of refill.
        (budget.Capacity + budget.TokensPerSecond * 60).ShouldBeLessThanOrEqualTo(requestsPerMinute * 0.95 + 1e-9);
        budget.Capacity.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Should_make_a_query_leave_a_reserve_that_a_submit_may_use()
    {
        var budget = RateBudget.ForRequestsPerMinute(600);

        budget.Needed(ProviderCallKind.Submit).ShouldBe(1, 1e-5);
        budget.Needed(ProviderCallKind.Query).ShouldBe(1 + budget.QueryReserve, 1e-5);
        budget.QueryReserve.ShouldBeGreaterThan(0);
    }
}
