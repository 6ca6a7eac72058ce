namespace ProviderSimulator.Tests.Support;

/// <summary>One simulator per test class, with a key configured for every provider.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public const string ModellixKey = "modellix-test-key";
    public const string MyRouterKey = "myrouter-test-key";
    public const string EvoLinkKey = "evolink-test-key";

    public RunningSimulator Simulator { get; private set; } = null!;

    public async Task InitializeAsync() => Simulator = await RunningSimulator.StartAsync(new Dictionary<string, string?>
    {
        ["Providers:Modellix:ApiKey"] = ModellixKey,
        ["Providers:MyRouter:ApiKey"] = MyRouterKey,
        ["Providers:EvoLink:ApiKey"] = EvoLinkKey,
    });

    public async Task DisposeAsync() => await Simulator.DisposeAsync();
}
