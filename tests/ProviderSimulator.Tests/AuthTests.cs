namespace ProviderSimulator.Tests;

public sealed class AuthTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("Modellix")]
    [InlineData("MyRouter")]
    [InlineData("EvoLink")]
    public async Task Submit_without_a_key_is_401_in_the_providers_shape(string provider)
    {
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client();

        using var response = await api.SubmitAsync(client);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.ErrorCodeOf(await response.JsonAsync()).ShouldBe(401);
    }

    [Theory]
    [InlineData("Modellix", SimulatorFixture.MyRouterKey)]
    [InlineData("MyRouter", SimulatorFixture.EvoLinkKey)]
    [InlineData("EvoLink", "not-a-key")]
    public async Task Any_key_but_the_configured_one_is_401(string provider, string wrongKey)
    {
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(wrongKey);

        using var response = await api.SubmitAsync(client);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Modellix")]
    [InlineData("MyRouter")]
    [InlineData("EvoLink")]
    public async Task Query_needs_the_key_too(string provider)
    {
        var api = ProviderCase.Named(provider);
        using var authorised = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(authorised);
        using var anonymous = fixture.Simulator.Client();

        using var response = await anonymous.GetAsync(api.QueryPath(taskId));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_configured_key_any_non_empty_key_is_accepted()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var anyKey = simulator.Client("whatever");
        using var emptyKey = simulator.Client("");

        foreach (var api in new[] { ProviderCase.Modellix, ProviderCase.MyRouter, ProviderCase.EvoLink })
        {
            using var accepted = await api.SubmitAsync(anyKey);
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var rejected = await api.SubmitAsync(emptyKey);
            rejected.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }
}
