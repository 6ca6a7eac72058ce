using System.Net.Http.Json;

namespace ProviderSimulator.Tests;

/// <summary>What is posted, where and when, against a real receiver.</summary>
public sealed class CallbackDeliveryTests
{
    [Fact]
    public async Task EvoLink_posts_the_query_body_within_a_second_of_completion()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync();
        using var client = simulator.Client("key");

        var before = DateTimeOffset.UtcNow;
        using var submit = await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url()));
        var after = DateTimeOffset.UtcNow;
        submit.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskId = (await submit.JsonAsync()).Text("id");

        var callback = await receiver.WaitForAsync(1, TimeSpan.FromSeconds(5));
        using var query = await client.GetAsync($"/v1/tasks/{taskId}");

        callback.At.ShouldBeGreaterThanOrEqualTo(before + RunningSimulator.TaskTime);
        callback.At.ShouldBeLessThan(after + RunningSimulator.TaskTime + TimeSpan.FromSeconds(1));
        callback.ContentType.ShouldBe("application/json");
        callback.Body.ShouldBe(await query.Content.ReadAsStringAsync());
        callback.Json.Text("status").ShouldBe("completed");
        (await client.GetByteArrayAsync(callback.Json.Text("results.0"))).ShouldBeMp4();
        var stats = await simulator.StatsAfterCallbackAttemptsAsync(1);
        stats.CallbacksDelivered.ShouldBe(1);
        stats.CallbacksFailed.ShouldBe(0);
    }

    [Fact]
    public async Task EvoLink_failed_task_calls_back_with_its_error()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync();
        using var client = simulator.Client("key");

        using var submit = await client.PostAsJsonAsync(
            "/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url(), "a cat [sim:fail]"));

        var callback = (await receiver.WaitForAsync(1, TimeSpan.FromSeconds(5))).Json;
        callback.Text("id").ShouldBe((await submit.JsonAsync()).Text("id"));
        callback.Text("status").ShouldBe("failed");
        callback.Text("error.code").ShouldBe("content_policy_violation");
    }

    [Fact]
    public async Task MyRouter_posts_an_async_task_result_event_wrapping_the_query_body()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync();
        using var client = simulator.Client("key");

        using var submit = await client.PostAsJsonAsync("/v3/async/kling-v3.0-pro-i2v", CallbackBodies.MyRouter(receiver.Url("/novita")));
        var taskId = (await submit.JsonAsync()).Text("task_id");

        var callback = await receiver.WaitForAsync(1, TimeSpan.FromSeconds(5));
        using var query = await client.GetAsync($"/v3/async/task-result?task_id={taskId}");

        callback.Path.ShouldBe("/novita");
        callback.Json.EnumerateObject().Select(p => p.Name).ShouldBe(["event_type", "payload"]);
        callback.Json.Text("event_type").ShouldBe("ASYNC_TASK_RESULT");
        callback.Json.At("payload").GetRawText().ShouldBe(await query.Content.ReadAsStringAsync());
        callback.Json.Text("payload.task.status").ShouldBe("TASK_STATUS_SUCCEED");
    }

    [Fact]
    public async Task Stuck_task_never_calls_back()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync();
        using var client = simulator.Client("key");

        var stuck = CallbackBodies.EvoLink(receiver.Url("/stuck"), "a cat [sim:stuck]");
        (await client.PostAsJsonAsync("/v1/videos/generations", stuck)).Dispose();
        (await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url("/normal")))).Dispose();

        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        receiver.Received.Select(c => c.Path).ShouldBe(["/normal"]);
        (await simulator.StatsAsync()).CallbacksDelivered.ShouldBe(1);
    }

    [Fact]
    public async Task Many_tasks_call_back_exactly_once_each()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var simulator = await RunningSimulator.StartAcceptingLocalCallbacksAsync();
        using var client = simulator.Client("key");

        var submits = Enumerable.Range(0, 100).Select(async i =>
        {
            using var submit = await client.PostAsJsonAsync("/v1/videos/generations", CallbackBodies.EvoLink(receiver.Url($"/{i}")));
            return (await submit.JsonAsync()).Text("id");
        });
        var taskIds = await Task.WhenAll(submits);

        await receiver.WaitForAsync(100, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(0.3));
        receiver.Received.Select(c => c.Json.Text("id")).ShouldBe(taskIds, ignoreOrder: true);
        (await simulator.StatsAsync()).CallbacksDelivered.ShouldBe(100);
    }
}
