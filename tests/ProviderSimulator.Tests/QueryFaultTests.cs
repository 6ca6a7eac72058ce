namespace ProviderSimulator.Tests;

public sealed class QueryFaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("Modellix")]
    [InlineData("MyRouter")]
    [InlineData("EvoLink")]
    public async Task Query_404_once_then_the_task_runs_to_success(string provider)
    {
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, "a cat [sim:query-404-once]");

        using (var first = await client.GetAsync(api.QueryPath(taskId)))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            api.ErrorCodeOf(await first.JsonAsync()).ShouldBe(404);
        }

        var done = (await api.QueryUntilTerminalAsync(client, taskId))[^1];
        api.StatusOf(done).ShouldBe(api.Succeeded);
    }

    [Theory]
    [InlineData("Modellix")]
    [InlineData("MyRouter")]
    [InlineData("EvoLink")]
    public async Task Combined_query_faults_fire_once_each_in_order(string provider)
    {
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client,
            "a cat [sim:query-429-once,query-500-once] [sim:query-malformed-once,unknown-status-once]");

        using (var rateLimited = await client.GetAsync(api.QueryPath(taskId)))
        {
            rateLimited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            rateLimited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        }
        using (var serverError = await client.GetAsync(api.QueryPath(taskId)))
            serverError.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        using (var malformed = await client.GetAsync(api.QueryPath(taskId)))
        {
            malformed.StatusCode.ShouldBe(HttpStatusCode.OK);
            await Should.ThrowAsync<JsonException>(() => malformed.JsonAsync());
        }
        using (var unknown = await client.GetAsync(api.QueryPath(taskId)))
            api.StatusOf(await unknown.JsonAsync()).ShouldBe("weird_status");

        api.StatusOf((await api.QueryUntilTerminalAsync(client, taskId))[^1]).ShouldBe(api.Succeeded);
    }

    [Fact]
    public async Task Stuck_task_stays_processing_past_its_generation_time()
    {
        var api = ProviderCase.MyRouter;
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, behaviorHeader: "stuck");

        await Task.Delay(TimeSpan.FromSeconds(RunningSimulator.PendingSeconds + RunningSimulator.GenerationSeconds + 0.5));
        using var response = await client.GetAsync(api.QueryPath(taskId));

        var task = await response.JsonAsync();
        task.Text("task.status").ShouldBe("TASK_STATUS_PROCESSING");
        task.At("task.progress_percent").GetInt32().ShouldBeLessThan(100);
    }
}
