using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VideoPlatform.Integration.Tests.Support;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Integration.Tests;

/// <summary>The PostgreSQL bucket as two service instances share it, each with its own connection pool.</summary>
public class When_two_instances_share_a_provider_key : IAsyncLifetime
{
    private static readonly RateBudget Budget = RateBudget.ForRequestsPerMinute(1200); // 18 a second, 60 held

    private TestInfrastructure _infrastructure = null!;
    private NpgsqlDataSource _first = null!;
    private NpgsqlDataSource _second = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _first = NpgsqlDataSource.Create(_infrastructure.ConnectionString);
        _second = NpgsqlDataSource.Create(_infrastructure.ConnectionString);
        await DatabaseStartup.EnsureSchemaAsync(_first, PostgresRateLimitStore.Schema, NullLogger.Instance, CancellationToken.None);
    }

    [Fact]
    public async Task Should_grant_no_more_together_than_the_key_allows()
    {
        var stores = new[] { new PostgresRateLimitStore(_first), new PostgresRateLimitStore(_second) };
        var granted = 0;
        var until = DateTime.UtcNow.AddSeconds(3);
        var started = DateTime.UtcNow;

        // Four callers per instance, asking as fast as they can.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var store = stores[i % 2];
            while (DateTime.UtcNow < until)
            {
                if (await store.TryTakeAsync("evolink:shared", Budget, ProviderCallKind.Submit, CancellationToken.None) == TimeSpan.Zero)
                    Interlocked.Increment(ref granted);
                else
                    await Task.Delay(5);
            }
        })));

        var allowed = Budget.Capacity + Budget.TokensPerSecond * (DateTime.UtcNow - started).TotalSeconds;
        granted.ShouldBeLessThanOrEqualTo((int)Math.Ceiling(allowed));
        // The burst whole and at least half the refill of the asking window: a conflict that lost tokens would show, while
        // a loaded machine (slow round trips to PostgreSQL) may leave some refill unasked without failing the test.
        var refill = Budget.TokensPerSecond * (until - started).TotalSeconds;
        granted.ShouldBeGreaterThan((int)(Budget.Capacity + refill * 0.5), "the budget is used, not lost to contention");
    }

    [Fact]
    public async Task Should_hold_both_instances_when_one_is_told_to_slow_down()
    {
        var first = new PostgresRateLimitStore(_first);
        var second = new PostgresRateLimitStore(_second);

        await first.SlowDownAsync("evolink:paused", TimeSpan.FromSeconds(30), CancellationToken.None);
        var wait = await second.TryTakeAsync("evolink:paused", Budget, ProviderCallKind.Submit, CancellationToken.None);

        wait.ShouldBeInRange(TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}
