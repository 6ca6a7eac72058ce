using ProviderSimulator.Api;
using ProviderSimulator.Limits;

namespace ProviderSimulator.Tests;

public sealed class RateLimitTests
{
    private readonly FakeTimeProvider clock = new();

    [Theory]
    [InlineData("Modellix")]
    [InlineData("MyRouter")]
    [InlineData("EvoLink")]
    public async Task Call_over_the_limit_is_429_until_the_oldest_call_leaves_the_sliding_minute(string provider)
    {
        var api = ProviderCase.Named(provider);
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 3), clock);
        using var client = simulator.Client("key-a");
        var taskId = await api.SubmitAcceptedAsync(client);
        clock.Advance(TimeSpan.FromSeconds(10));
        (await QueryAsync(client, api, taskId)).ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(10));
        (await QueryAsync(client, api, taskId)).ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(10));

        using var refused = await client.GetAsync(api.QueryPath(taskId));
        clock.Advance(TimeSpan.FromSeconds(29.5));
        using var stillRefused = await client.GetAsync(api.QueryPath(taskId));
        clock.Advance(TimeSpan.FromSeconds(0.5));
        using var allowed = await client.GetAsync(api.QueryPath(taskId));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.ErrorCodeOf(await refused.JsonAsync()).ShouldBe(429);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
        stillRefused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        stillRefused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refused_calls_do_not_count_toward_the_window()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 2), clock);
        using var client = simulator.Client("key-a");
        var taskId = await ProviderCase.EvoLink.SubmitAcceptedAsync(client);
        (await QueryAsync(client, ProviderCase.EvoLink, taskId)).ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 3; i++)
            (await QueryAsync(client, ProviderCase.EvoLink, taskId)).ShouldBe(HttpStatusCode.TooManyRequests);

        clock.Advance(TimeSpan.FromSeconds(30));

        // Had the refused calls counted, they would fill the window until 90 s.
        (await QueryAsync(client, ProviderCase.EvoLink, taskId)).ShouldBe(HttpStatusCode.OK);
        (await QueryAsync(client, ProviderCase.EvoLink, taskId)).ShouldBe(HttpStatusCode.OK);
        using var third = await client.GetAsync(ProviderCase.EvoLink.QueryPath(taskId));
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_shortened_window_refuses_and_frees_calls_on_its_own_scale()
    {
        var settings = LimitSettings.Of(requestsPerMinute: 1);
        settings["Simulator:RateLimitWindowSeconds"] = "5";
        await using var simulator = await RunningSimulator.StartAsync(settings, clock);
        using var client = simulator.Client("key-a");
        var taskId = await ProviderCase.EvoLink.SubmitAcceptedAsync(client);
        clock.Advance(TimeSpan.FromSeconds(1));

        using var refused = await client.GetAsync(ProviderCase.EvoLink.QueryPath(taskId));
        clock.Advance(TimeSpan.FromSeconds(4));
        using var allowed = await client.GetAsync(ProviderCase.EvoLink.QueryPath(taskId));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(4));
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_provider_and_key_has_its_own_window()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 1), clock);
        using var keyA = simulator.Client("key-a");
        using var keyB = simulator.Client("key-b");

        using var first = await ProviderCase.EvoLink.SubmitAsync(keyA);
        using var second = await ProviderCase.EvoLink.SubmitAsync(keyA);
        using var otherKey = await ProviderCase.EvoLink.SubmitAsync(keyB);
        using var otherProvider = await ProviderCase.Modellix.SubmitAsync(keyA);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        otherKey.StatusCode.ShouldBe(HttpStatusCode.OK);
        otherProvider.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refused_submit_counts_as_a_submit_but_records_no_task()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 1), clock);
        using var client = simulator.Client("key-a");

        (await ProviderCase.MyRouter.SubmitAsync(client, requestId: "req-1")).Dispose();
        using var refused = await ProviderCase.MyRouter.SubmitAsync(client, requestId: "req-1");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.JsonAsync()).Text("reason").ShouldBe("RATE_LIMIT_EXCEEDED");
        var stats = await simulator.StatsAsync();
        stats.SubmitsByRequest["req-1"].ShouldBe(2);
        stats.Tasks.ShouldBe(1);
        stats.RateLimited.ShouldBe(1);
    }

    [Fact]
    public async Task Media_downloads_and_simulator_routes_are_not_api_calls()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 2), clock);
        using var client = simulator.Client("key-a");
        var taskId = await ProviderCase.EvoLink.SubmitAcceptedAsync(client);
        clock.Advance(RunningSimulator.TaskTime);

        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync($"/media/{taskId}.mp4")).Dispose();
            (await client.GetAsync("/_sim/stats")).Dispose();
            (await client.GetAsync("/_sim/tasks")).Dispose();
        }

        (await QueryAsync(client, ProviderCase.EvoLink, taskId)).ShouldBe(HttpStatusCode.OK);
        (await QueryAsync(client, ProviderCase.EvoLink, taskId)).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Modellix_announces_when_the_window_frees_as_unix_seconds()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 1), clock);
        using var client = simulator.Client("key-a");
        (await ProviderCase.Modellix.SubmitAsync(client)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(15));

        using var refused = await ProviderCase.Modellix.SubmitAsync(client);

        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(45));
        refused.Headers.GetValues("x-ratelimit-reset").Single().ShouldBe(clock.Start.AddSeconds(60).ToUnixTimeSeconds().ToString());
        (await refused.JsonAsync()).Text("message").ShouldStartWith("Too Many Requests: ");
    }

    [Fact]
    public async Task EvoLink_names_the_wait_in_its_suggestion()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 1), clock);
        using var client = simulator.Client("key-a");
        (await ProviderCase.EvoLink.SubmitAsync(client)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(20));

        using var refused = await ProviderCase.EvoLink.SubmitAsync(client);

        var error = (await refused.JsonAsync()).At("error");
        error.Text("type").ShouldBe("rate_limit_error");
        error.Text("fallback_suggestion").ShouldBe("retry after 40 seconds");
    }

    [Fact]
    public async Task Peak_is_the_most_calls_any_sliding_minute_held_per_key_without_showing_the_key()
    {
        const string key = "secret-key-123456";
        await using var simulator = await RunningSimulator.StartAsync(clock: clock);
        using var client = simulator.Client(key);
        using var other = simulator.Client("other-key");
        foreach (var at in new[] { 0, 30, 50, 70, 75, 200 })
        {
            clock.SetUtcNow(clock.Start.AddSeconds(at));
            (await client.GetAsync(ProviderCase.EvoLink.QueryPath("task-unified-0-nosuchid"))).Dispose();
        }
        (await ProviderCase.Modellix.SubmitAsync(other)).Dispose();

        using var raw = await client.GetAsync("/_sim/stats");
        var text = await raw.Content.ReadAsStringAsync();
        var stats = await simulator.StatsAsync();

        // 30, 50, 70 and 75 s share one minute; 0 s had left it by 70 s.
        stats.PeakRequestsPerMinute.ShouldBe(new Dictionary<string, int>
        {
            [KeyLabel.Of(Provider.EvoLink, key)] = 4,
            [KeyLabel.Of(Provider.Modellix, "other-key")] = 1,
        }, ignoreOrder: true);
        KeyLabel.Of(Provider.EvoLink, key).ShouldStartWith("EvoLink:");
        text.ShouldNotContain(key);
        text.ShouldNotContain("other-key");
        stats.RateLimited.ShouldBe(0);
    }

    [Fact]
    public async Task Simulated_429s_are_not_counted_as_rate_limited()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 10), clock);
        using var client = simulator.Client("key-a");

        using var fault = await ProviderCase.EvoLink.SubmitAsync(client, "a cat [sim:submit-429]");

        fault.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await simulator.StatsAsync()).RateLimited.ShouldBe(0);
    }

    [Fact]
    public async Task Window_is_exact_and_thread_safe_under_concurrent_calls()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 50), clock);
        using var client = simulator.Client("key-a");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await client.GetAsync(ProviderCase.EvoLink.QueryPath("task-unified-0-nosuchid"));
            return response.StatusCode;
        }));

        statuses.Count(s => s == HttpStatusCode.NotFound).ShouldBe(50);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(150);
        var stats = await simulator.StatsAsync();
        stats.RateLimited.ShouldBe(150);
        stats.PeakRequestsPerMinute.Values.ShouldBe([50]);
    }

    private static async Task<HttpStatusCode> QueryAsync(HttpClient client, ProviderCase api, string taskId)
    {
        using var response = await client.GetAsync(api.QueryPath(taskId));
        return response.StatusCode;
    }
}
