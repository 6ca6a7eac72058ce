using System.Net.Http.Json;

namespace ProviderSimulator.Tests;

/// <summary>Drawn generation times as clients see them: per-task completion, linear progress, estimates from the median.</summary>
public sealed class TaskTimingTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task Fixed_task_completes_exactly_pending_plus_generation_after_submit()
    {
        await using var simulator = await RunningSimulator.StartAsync(clock: clock);
        using var client = simulator.Client("key");
        var taskId = await ProviderCase.EvoLink.SubmitAcceptedAsync(client);

        var task = await simulator.TaskAsync(taskId);

        (task.At("completesAt").GetDateTimeOffset() - task.At("submittedAt").GetDateTimeOffset()).ShouldBe(RunningSimulator.TaskTime);
        clock.SetUtcNow(clock.Start + RunningSimulator.TaskTime - TimeSpan.FromTicks(1));
        (await StatusAsync(client, ProviderCase.EvoLink, taskId)).ShouldBe("processing");
        clock.SetUtcNow(clock.Start + RunningSimulator.TaskTime);
        (await StatusAsync(client, ProviderCase.EvoLink, taskId)).ShouldBe("completed");
    }

    [Fact]
    public async Task Each_task_runs_its_own_draw_with_linear_progress_while_estimates_stay_on_the_median()
    {
        await using var simulator = await RunningSimulator.StartAsync(Drawn("lognormal", seed: 11), clock);
        using var client = simulator.Client("key");
        var taskId = await ProviderCase.MyRouter.SubmitAcceptedAsync(client);
        var evoLinkId = await ProviderCase.EvoLink.SubmitAcceptedAsync(client);
        var completesAt = (await simulator.TaskAsync(taskId)).At("completesAt").GetDateTimeOffset();
        var generation = completesAt - clock.Start - TimeSpan.FromSeconds(1);
        generation.ShouldNotBe(TimeSpan.FromSeconds(10));
        (await simulator.TaskAsync(evoLinkId)).At("completesAt").GetDateTimeOffset().ShouldNotBe(completesAt);

        clock.SetUtcNow(clock.Start + TimeSpan.FromSeconds(1) + generation / 4);
        var quarter = await QueryAsync(client, ProviderCase.MyRouter, taskId);
        clock.SetUtcNow(clock.Start + TimeSpan.FromSeconds(1) + generation * 3 / 4);
        var threeQuarters = await QueryAsync(client, ProviderCase.MyRouter, taskId);
        var evoLink = await QueryAsync(client, ProviderCase.EvoLink, evoLinkId);
        clock.SetUtcNow(completesAt);
        var done = await QueryAsync(client, ProviderCase.MyRouter, taskId);

        quarter.At("task.progress_percent").GetInt32().ShouldBeInRange(24, 25);
        threeQuarters.At("task.progress_percent").GetInt32().ShouldBeInRange(74, 75);
        var elapsed = (1 + generation.TotalSeconds * 3 / 4);
        threeQuarters.At("task.eta").GetInt32().ShouldBe((int)Math.Max(0, Math.Ceiling(1 + 10 - elapsed)));
        evoLink.At("task_info.estimated_time").GetInt32().ShouldBe(10);
        done.Text("task.status").ShouldBe("TASK_STATUS_SUCCEED");
        done.At("task.eta").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Same_seed_gives_tasks_submitted_in_the_same_order_the_same_times()
    {
        var first = await GenerationTimesAsync(seed: 7);
        var again = await GenerationTimesAsync(seed: 7);
        var other = await GenerationTimesAsync(seed: 8);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
        first.ShouldAllBe(t => t >= TimeSpan.FromSeconds(0.1) && t <= TimeSpan.FromSeconds(100));
    }

    private async Task<List<TimeSpan>> GenerationTimesAsync(int seed)
    {
        await using var simulator = await RunningSimulator.StartAsync(Drawn("lognormal", seed), new FakeTimeProvider());
        using var client = simulator.Client("key");
        for (var i = 0; i < 5; i++)
            await ProviderCase.Modellix.SubmitAcceptedAsync(client);
        return (await simulator.TasksAsync())
            .Select(t => t.At("completesAt").GetDateTimeOffset() - t.At("submittedAt").GetDateTimeOffset())
            .ToList();
    }

    /// <summary>Pending 1 s, median generation 10 s, drawn.</summary>
    private static Dictionary<string, string?> Drawn(string distribution, int seed) => new()
    {
        ["Simulator:PendingSeconds"] = "1",
        ["Simulator:GenerationSeconds"] = "10",
        ["Simulator:GenerationDistribution"] = distribution,
        ["Simulator:GenerationSigma"] = "1",
        ["Simulator:Seed"] = seed.ToString(),
    };

    private static async Task<JsonElement> QueryAsync(HttpClient client, ProviderCase api, string taskId) =>
        await client.GetFromJsonAsync<JsonElement>(api.QueryPath(taskId));

    private static async Task<string> StatusAsync(HttpClient client, ProviderCase api, string taskId) =>
        api.StatusOf(await QueryAsync(client, api, taskId));
}
