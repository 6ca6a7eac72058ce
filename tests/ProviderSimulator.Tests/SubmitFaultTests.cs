namespace ProviderSimulator.Tests;

public sealed class SubmitFaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("Modellix", "submit-429", 429)]
    [InlineData("MyRouter", "submit-429", 429)]
    [InlineData("EvoLink", "submit-429", 429)]
    [InlineData("Modellix", "submit-402", 402)]
    [InlineData("MyRouter", "submit-402", 403)]
    [InlineData("EvoLink", "submit-402", 402)]
    [InlineData("Modellix", "submit-500", 500)]
    [InlineData("MyRouter", "submit-503", 503)]
    [InlineData("EvoLink", "submit-503", 503)]
    public async Task Submit_fault_answers_the_providers_error_and_records_no_task(string provider, string behavior, int status)
    {
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);
        var before = await fixture.Simulator.StatsAsync();

        using var response = await api.SubmitAsync(client, $"a cat [sim:{behavior}]");

        ((int)response.StatusCode).ShouldBe(status);
        api.ErrorCodeOf(await response.JsonAsync()).ShouldBe(status);
        if (status == 429)
            response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        (await fixture.Simulator.StatsAsync()).Tasks.ShouldBe(before.Tasks);
    }

    [Fact]
    public async Task Behaviour_can_be_asked_for_by_header()
    {
        using var client = fixture.Simulator.Client(SimulatorFixture.EvoLinkKey);

        using var response = await ProviderCase.EvoLink.SubmitAsync(client, behaviorHeader: "submit-500");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Hung_submit_records_the_task_although_the_client_times_out()
    {
        var requestId = Guid.NewGuid().ToString();
        using var client = fixture.Simulator.Client(SimulatorFixture.MyRouterKey);
        client.Timeout = TimeSpan.FromMilliseconds(500);
        var before = await fixture.Simulator.StatsAsync();

        await Should.ThrowAsync<TaskCanceledException>(() =>
            ProviderCase.MyRouter.SubmitAsync(client, "a cat [sim:submit-hang]", requestId));

        var after = await fixture.Simulator.StatsAsync();
        after.Tasks.ShouldBe(before.Tasks + 1);
        after.SubmitsByRequest[requestId].ShouldBe(1);
    }

    [Fact]
    public async Task Hung_submit_answers_normally_after_the_hang()
    {
        await using var simulator = await RunningSimulator.StartAsync(new Dictionary<string, string?> { ["Simulator:HangSeconds"] = "0.3" });
        using var client = simulator.Client("any");

        var started = DateTime.UtcNow;
        var taskId = await ProviderCase.Modellix.SubmitAcceptedAsync(client, "a cat [sim:submit-hang]");

        (DateTime.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.3));
        (await ProviderCase.Modellix.QueryUntilTerminalAsync(client, taskId))[^1].Text("data.status").ShouldBe("success");
    }

    [Fact]
    public async Task Stopping_the_simulator_drops_a_hung_submit_instead_of_waiting_for_it()
    {
        var simulator = await RunningSimulator.StartAsync();
        using var client = simulator.Client("any");
        var submit = ProviderCase.EvoLink.SubmitAsync(client, "a cat [sim:submit-hang]");
        while ((await simulator.StatsAsync()).Tasks == 0)
            await Task.Delay(20);

        var stopping = DateTime.UtcNow;
        await simulator.DisposeAsync();

        (DateTime.UtcNow - stopping).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        await Should.ThrowAsync<HttpRequestException>(() => submit);
    }
}
