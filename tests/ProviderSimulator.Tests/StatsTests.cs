namespace ProviderSimulator.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task Submits_are_counted_per_request_id_whatever_the_outcome_and_reset_clears_everything()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var client = simulator.Client("any");

        (await ProviderCase.Modellix.SubmitAsync(client, "a cat [sim:submit-429]", requestId: "req-1")).Dispose();
        (await ProviderCase.Modellix.SubmitAsync(client, requestId: "req-1")).Dispose();
        (await ProviderCase.EvoLink.SubmitAsync(client, requestId: "req-2")).Dispose();
        (await ProviderCase.MyRouter.SubmitAsync(client)).Dispose();
        (await client.GetAsync(ProviderCase.EvoLink.QueryPath("task-unified-0-nosuchid"))).Dispose();
        (await client.GetAsync("/media/large/20000.mp4")).Dispose();

        var stats = await simulator.StatsAsync();
        stats.Submits.ShouldBe(4);
        stats.SubmitsByRequest.ShouldBe(new Dictionary<string, int> { ["req-1"] = 2, ["req-2"] = 1 }, ignoreOrder: true);
        stats.Queries.ShouldBe(1);
        stats.Tasks.ShouldBe(3);
        stats.MediaRequests.Keys.ShouldBe(["/media/large/20000.mp4"]);
        stats.AcceptedByRequest.ShouldBe(new Dictionary<string, int> { ["req-1"] = 1, ["req-2"] = 1 }, ignoreOrder: true);

        using var reset = await client.PostAsync("/_sim/reset", null);
        reset.IsSuccessStatusCode.ShouldBeTrue();
        var cleared = await simulator.StatsAsync();
        cleared.Submits.ShouldBe(0);
        cleared.SubmitsByRequest.ShouldBeEmpty();
        cleared.Queries.ShouldBe(0);
        cleared.Tasks.ShouldBe(0);
        cleared.MediaRequests.ShouldBeEmpty();
        cleared.AcceptedByRequest.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reset_clears_the_limit_windows_and_counts_and_the_task_list()
    {
        await using var simulator = await RunningSimulator.StartAsync(LimitSettings.Of(requestsPerMinute: 1), new FakeTimeProvider());
        using var client = simulator.Client("any");
        (await ProviderCase.EvoLink.SubmitAsync(client)).Dispose();
        (await ProviderCase.EvoLink.SubmitAsync(client)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var before = await simulator.StatsAsync();
        before.RateLimited.ShouldBe(1);
        before.PeakRequestsPerMinute.Values.ShouldBe([1]);

        (await client.PostAsync("/_sim/reset", null)).Dispose();

        var cleared = await simulator.StatsAsync();
        cleared.RateLimited.ShouldBe(0);
        cleared.PeakRequestsPerMinute.ShouldBeEmpty();
        (await simulator.TasksAsync()).ShouldBeEmpty();
        (await ProviderCase.EvoLink.SubmitAsync(client)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stats_use_the_documented_field_names()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var client = simulator.Client();

        var stats = await (await client.GetAsync("/_sim/stats")).JsonAsync();

        stats.EnumerateObject().Select(p => p.Name).ShouldBe(
            [
                "submits", "submitsByRequest", "queries", "tasks", "mediaRequests",
                "callbacksDelivered", "callbacksFailed", "rateLimited", "peakRequestsPerMinute",
                "submitsHung", "submitsInFlight", "downloadsInFlight", "acceptedByRequest", "cutMidCallByRequest", "answeredAtByRequest", "videos",
            ]);
    }
}
