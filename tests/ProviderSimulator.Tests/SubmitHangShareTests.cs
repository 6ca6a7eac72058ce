using Microsoft.AspNetCore.Http;
using ProviderSimulator.Api;

namespace ProviderSimulator.Tests;

/// <summary>
/// Submits held back for a crash test (<c>SubmitHangShare</c>), and the per-request counts that tell a billed
/// submit whose caller read the answer from one whose caller was gone first (cut mid-call).
/// </summary>
public sealed class SubmitHangShareTests
{
    private static Dictionary<string, string?> Hangs(double share, double seconds, int? seed = null) => new()
    {
        ["Simulator:SubmitHangShare"] = share.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Simulator:SubmitHangSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Simulator:Seed"] = seed?.ToString(),
    };

    [Fact]
    public async Task Held_submit_answers_normally_after_the_hang_and_is_billed_once_not_cut()
    {
        await using var simulator = await RunningSimulator.StartAsync(Hangs(share: 1, seconds: 0.3));
        using var client = simulator.Client("any");

        var started = DateTime.UtcNow;
        using var response = await ProviderCase.Modellix.SubmitAsync(client, requestId: "req-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (DateTime.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.3));
        var stats = await simulator.StatsAsync();
        stats.SubmitsHung.ShouldBe(1);
        stats.AcceptedByRequest.ShouldBe(new Dictionary<string, int> { ["req-1"] = 1 });
        stats.CutMidCallByRequest.ShouldBeEmpty();
        stats.SubmitsInFlight.ShouldBe(0);
        // When the answer went out, so a caller killed right after it can still be told apart from one that read it.
        var answeredAt = DateTimeOffset.FromUnixTimeMilliseconds(stats.AnsweredAtByRequest["req-1"]);
        answeredAt.ShouldBeInRange(started.AddSeconds(0.3), DateTime.UtcNow);
    }

    [Fact]
    public async Task Caller_gone_during_the_hang_is_billed_and_counted_cut_mid_call()
    {
        await using var simulator = await RunningSimulator.StartAsync(Hangs(share: 1, seconds: 30));
        using var client = simulator.Client("any");

        // The caller goes away once the simulator holds its accepted submit (a fixed client timeout raced the
        // simulator's start under load and sometimes hung up before the submit arrived).
        var submit = ProviderCase.EvoLink.SubmitAsync(client, requestId: "req-cut");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await simulator.StatsAsync()).SubmitsInFlight == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        client.CancelPendingRequests();
        await Should.ThrowAsync<TaskCanceledException>(() => submit);

        var stats = await StatsOnceAnsweredAsync(simulator);
        stats.SubmitsInFlight.ShouldBe(0);
        stats.AcceptedByRequest.ShouldBe(new Dictionary<string, int> { ["req-cut"] = 1 });
        stats.CutMidCallByRequest.ShouldBe(new Dictionary<string, int> { ["req-cut"] = 1 });
        stats.AnsweredAtByRequest.Keys.ShouldNotContain("req-cut");
    }

    [Fact]
    public async Task Caller_in_flight_shows_while_the_answer_is_held()
    {
        await using var simulator = await RunningSimulator.StartAsync(Hangs(share: 1, seconds: 1));
        using var client = simulator.Client("any");

        var submit = ProviderCase.MyRouter.SubmitAsync(client, requestId: "req-1");
        var during = await simulator.StatsAsync();
        while (during.Tasks == 0)
            during = await simulator.StatsAsync();
        (await submit).Dispose();

        during.SubmitsInFlight.ShouldBe(1);
        (await simulator.StatsAsync()).SubmitsInFlight.ShouldBe(0);
    }

    [Fact]
    public async Task About_the_configured_share_of_submits_is_held()
    {
        await using var simulator = await RunningSimulator.StartAsync(Hangs(share: 0.5, seconds: 0.01, seed: 7));
        using var client = simulator.Client("any");

        for (var i = 0; i < 40; i++)
            (await ProviderCase.Modellix.SubmitAsync(client, requestId: $"req-{i}")).Dispose();

        (await simulator.StatsAsync()).SubmitsHung.ShouldBeInRange(10, 30);
    }

    [Fact]
    public async Task By_default_no_submit_is_held_and_refused_submits_are_not_billed()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var client = simulator.Client("any");

        for (var i = 0; i < 5; i++)
            (await ProviderCase.Modellix.SubmitAsync(client, requestId: "req-ok")).Dispose();
        (await ProviderCase.Modellix.SubmitAsync(client, "a cat [sim:submit-500]", requestId: "req-refused")).Dispose();

        var stats = await simulator.StatsAsync();
        stats.SubmitsHung.ShouldBe(0);
        stats.AcceptedByRequest.ShouldBe(new Dictionary<string, int> { ["req-ok"] = 5 });
        stats.SubmitsByRequest["req-refused"].ShouldBe(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Answer_written_to_a_caller_that_is_gone_reports_it(bool callerGone)
    {
        using var aborted = new CancellationTokenSource();
        if (callerGone)
            await aborted.CancelAsync();
        var http = new DefaultHttpContext { RequestAborted = aborted.Token };
        bool? reported = null;

        await new WatchedAnswer(Results.Empty, gone => reported = gone).ExecuteAsync(http);

        reported.ShouldBe(callerGone);
    }

    /// <summary>The server notices the disconnect a moment after the client gave up.</summary>
    private static async Task<ProviderSimulator.Tasks.SimStats> StatsOnceAnsweredAsync(RunningSimulator simulator)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        var stats = await simulator.StatsAsync();
        while (stats.SubmitsInFlight > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            stats = await simulator.StatsAsync();
        }
        return stats;
    }
}
