namespace ProviderSimulator.Tests;

/// <summary>
/// <c>behaviour@provider</c> asks for a fault at one provider only, so a request the platform sends on from one
/// provider to another (a route, a reroute) can fail at the first and go through at the next with the same body.
/// </summary>
public sealed class When_a_behaviour_names_a_provider(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("EvoLink", "fail-server-side@evolink", "failed")]
    [InlineData("EvoLink", "fail-server-side@EvoLink", "failed")]
    [InlineData("Modellix", "fail-server-side@evolink", "succeeded")]
    [InlineData("MyRouter", "fail-server-side@evolink", "succeeded")]
    [InlineData("Modellix", "fail@modellix", "failed")]
    public async Task Should_apply_it_only_where_the_submit_reaches_that_provider(string provider, string marker, string outcome)
    {
        // Arrange
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, $"a cat [sim:{marker}]");

        // Act
        var done = (await api.QueryUntilTerminalAsync(client, taskId))[^1];

        // Assert
        api.StatusOf(done).ShouldBe(outcome == "failed" ? api.Failed : api.Succeeded);
    }

    [Theory]
    [InlineData("Modellix", HttpStatusCode.InternalServerError)]
    [InlineData("EvoLink", HttpStatusCode.OK)]
    public async Task Should_scope_a_submit_fault_the_same_way(string provider, HttpStatusCode status)
    {
        // Arrange
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);

        // Act
        using var response = await api.SubmitAsync(client, "a cat [sim:numbers-as-text, submit-500@modellix]");

        // Assert
        response.StatusCode.ShouldBe(status);
    }

    [Theory]
    [InlineData("EvoLink", HttpStatusCode.ServiceUnavailable)]
    [InlineData("MyRouter", HttpStatusCode.OK)]
    public async Task Should_scope_a_behaviour_asked_for_by_header(string provider, HttpStatusCode status)
    {
        // Arrange
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);

        // Act
        using var response = await api.SubmitAsync(client, behaviorHeader: "submit-503@evolink");

        // Assert
        response.StatusCode.ShouldBe(status);
    }

    [Theory]
    [InlineData("fial@evolink", "fial")]
    [InlineData("fail@", "fail@")]
    [InlineData("fail@evolnik", "evolnik")]
    [InlineData("@evolink", "@evolink")]
    public async Task Should_reject_a_scoped_name_it_cannot_read_even_at_another_provider(string marker, string named)
    {
        // Arrange: a typo must not turn a fault test into a happy path, wherever the body goes first
        using var client = fixture.Simulator.Client(SimulatorFixture.ModellixKey);
        var before = await fixture.Simulator.StatsAsync();

        // Act
        using var response = await ProviderCase.Modellix.SubmitAsync(client, $"a cat [sim:{marker}]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).Text("message").ShouldContain(named);
        (await fixture.Simulator.StatsAsync()).Tasks.ShouldBe(before.Tasks);
    }
}
