using Microsoft.Extensions.DependencyInjection;
using ProviderSimulator.Api;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Tests;

/// <summary><c>GET /_sim/tasks</c>: every task with its timing, phase and how often it was queried.</summary>
public sealed class TaskListTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task Lists_each_task_with_its_request_id_times_phase_and_query_count()
    {
        await using var simulator = await RunningSimulator.StartAsync(clock: clock);
        using var client = simulator.Client("key");
        using var submit = await ProviderCase.EvoLink.SubmitAsync(client, requestId: "req-a");
        var evoLinkId = ProviderCase.EvoLink.TaskIdOf(await submit.JsonAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        var stuckId = await ProviderCase.MyRouter.SubmitAcceptedAsync(client, "a cat [sim:stuck]");
        clock.Advance(TimeSpan.FromSeconds(1));
        var pendingId = await ProviderCase.Modellix.SubmitAcceptedAsync(client);
        for (var i = 0; i < 3; i++)
            (await client.GetAsync(ProviderCase.EvoLink.QueryPath(evoLinkId))).Dispose();
        (await client.GetAsync(ProviderCase.MyRouter.QueryPath(stuckId))).Dispose();
        // A query for an unknown task, or another provider's, counts for no task.
        (await client.GetAsync(ProviderCase.EvoLink.QueryPath(stuckId))).Dispose();

        var tasks = await simulator.TasksAsync();

        tasks.Select(t => t.Text("id")).ShouldBe([evoLinkId, stuckId, pendingId]);
        tasks[0].EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "provider", "model", "requestId", "submittedAt", "completesAt", "phase", "queries"]);
        var evoLink = tasks[0];
        evoLink.Text("provider").ShouldBe("EvoLink");
        evoLink.Text("model").ShouldBe("kling-v3-image-to-video");
        evoLink.Text("requestId").ShouldBe("req-a");
        evoLink.At("submittedAt").GetDateTimeOffset().ShouldBe(clock.Start);
        evoLink.At("completesAt").GetDateTimeOffset().ShouldBe(clock.Start + RunningSimulator.TaskTime);
        evoLink.Text("phase").ShouldBe("succeeded");
        evoLink.At("queries").GetInt32().ShouldBe(3);
        var stuck = tasks[1];
        stuck.At("requestId").ValueKind.ShouldBe(JsonValueKind.Null);
        stuck.At("completesAt").ValueKind.ShouldBe(JsonValueKind.Null);
        stuck.Text("phase").ShouldBe("processing");
        stuck.At("queries").GetInt32().ShouldBe(1);
        tasks[2].Text("phase").ShouldBe("pending");
        tasks[2].At("queries").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Failed_task_is_listed_failed()
    {
        await using var simulator = await RunningSimulator.StartAsync(clock: clock);
        using var client = simulator.Client("key");
        var taskId = await ProviderCase.MyRouter.SubmitAcceptedAsync(client, "a cat [sim:fail]");

        clock.Advance(RunningSimulator.TaskTime);

        (await simulator.TaskAsync(taskId)).Text("phase").ShouldBe("failed");
    }

    [Fact]
    public async Task Lists_ten_thousand_tasks_in_submit_order()
    {
        await using var simulator = await RunningSimulator.StartAsync(clock: clock);
        var store = simulator.Services.GetRequiredService<TaskStore>();
        var timing = new TaskTiming(RunningSimulator.PendingSeconds, RunningSimulator.GenerationSeconds);
        for (var i = 0; i < 10_000; i++)
        {
            store.Add(new SimTask($"task-{i:D5}", Provider.Modellix, "kling-v3-i2v", clock.Start.AddMilliseconds(i),
                Behavior.None, default, null, timing));
        }

        var started = DateTime.UtcNow;
        var tasks = await simulator.TasksAsync();

        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        tasks.Count.ShouldBe(10_000);
        tasks.Select(t => t.Text("id")).ShouldBe(Enumerable.Range(0, 10_000).Select(i => $"task-{i:D5}"));
    }
}
