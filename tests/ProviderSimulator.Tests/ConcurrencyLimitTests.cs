namespace ProviderSimulator.Tests;

public sealed class ConcurrencyLimitTests
{
    private readonly FakeTimeProvider clock = new();

    [Theory]
    [InlineData("Modellix")]
    [InlineData("MyRouter")]
    [InlineData("EvoLink")]
    public async Task Submit_is_429_while_the_key_has_its_maximum_unfinished_and_accepted_once_one_ends(string provider)
    {
        var api = ProviderCase.Named(provider);
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(concurrentTasks: 2), clock);
        using var client = simulator.Client("key-a");
        await api.SubmitAcceptedAsync(client);
        clock.Advance(TimeSpan.FromSeconds(0.3));
        await api.SubmitAcceptedAsync(client);

        using var refused = await api.SubmitAsync(client);
        // The first task completes exactly now.
        clock.SetUtcNow(clock.Start + RunningSimulator.TaskTime);
        using var accepted = await api.SubmitAsync(client);
        using var refusedAgain = await api.SubmitAsync(client);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.ErrorCodeOf(await refused.JsonAsync()).ShouldBe(429);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        refusedAgain.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var stats = await simulator.StatsAsync();
        stats.Tasks.ShouldBe(3);
        stats.RateLimited.ShouldBe(2);
    }

    [Fact]
    public async Task Other_keys_are_not_held_back()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(concurrentTasks: 1), clock);
        using var keyA = simulator.Client("key-a");
        using var keyB = simulator.Client("key-b");
        await ProviderCase.EvoLink.SubmitAcceptedAsync(keyA);

        using var sameKey = await ProviderCase.EvoLink.SubmitAsync(keyA);
        using var otherKey = await ProviderCase.EvoLink.SubmitAsync(keyB);
        using var otherProvider = await ProviderCase.MyRouter.SubmitAsync(keyA);

        sameKey.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        otherKey.StatusCode.ShouldBe(HttpStatusCode.OK);
        otherProvider.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stuck_tasks_hold_their_places_for_good()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(concurrentTasks: 1), clock);
        using var client = simulator.Client("key-a");
        await ProviderCase.Modellix.SubmitAcceptedAsync(client, "a cat [sim:stuck]");

        clock.Advance(TimeSpan.FromHours(1));
        using var response = await ProviderCase.Modellix.SubmitAsync(client);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Concurrent_submits_never_exceed_the_limit()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(concurrentTasks: 5), clock);
        using var client = simulator.Client("key-a");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await ProviderCase.MyRouter.SubmitAsync(client);
            return response.StatusCode;
        }));

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(5);
        (await simulator.StatsAsync()).Tasks.ShouldBe(5);
    }

    [Fact]
    public async Task Without_limits_nothing_is_refused()
    {
        await using var simulator = await RunningSimulator.StartAsync(clock: clock);
        using var client = simulator.Client("key-a");

        for (var i = 0; i < 30; i++)
            await ProviderCase.EvoLink.SubmitAcceptedAsync(client, "a cat [sim:stuck]");

        (await simulator.StatsAsync()).RateLimited.ShouldBe(0);
    }
}
