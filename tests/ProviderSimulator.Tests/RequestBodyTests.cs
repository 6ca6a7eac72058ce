namespace ProviderSimulator.Tests;

public sealed class RequestBodyTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("Modellix", "not json")]
    [InlineData("MyRouter", "")]
    [InlineData("EvoLink", "[1, 2]")]
    public async Task A_body_that_is_not_a_json_object_is_400_in_the_providers_shape(string provider, string body)
    {
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);

        using var response = await client.PostAsync(api.SubmitPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        api.ErrorCodeOf(await response.JsonAsync()).ShouldBe(400);
    }

    [Fact]
    public async Task An_unknown_behaviour_name_is_rejected_rather_than_ignored()
    {
        using var client = fixture.Simulator.Client(SimulatorFixture.ModellixKey);

        using var response = await ProviderCase.Modellix.SubmitAsync(client, "a cat [sim:fial]");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).Text("message").ShouldContain("fial");
    }
}
