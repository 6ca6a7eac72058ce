using MassTransit;
using Microsoft.AspNetCore.Builder;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// What every platform fixture does: a virtual host and database of its own on the real RabbitMQ and PostgreSQL,
/// the provider simulator, the services a subclass starts (each built with its own registration code, on its own
/// bus), and a caller's bus collecting the platform's events; all stopped in reverse and the archive deleted.
/// A subclass says only what differs: simulator and service settings, and which services start how.
/// </summary>
public abstract class PlatformFixtureBase : IAsyncLifetime
{
    private readonly List<WebApplication> _hosts = [];
    private TestInfrastructure? _infrastructure;
    private IBusControl? _bus;

    public TestInfrastructure Infrastructure => _infrastructure ?? throw new InvalidOperationException("infrastructure not created");
    public EventCollector Events { get; } = new();
    public SimulatorClient Simulator { get; private set; } = null!;
    public IBus Bus => _bus ?? throw new InvalidOperationException("bus not started");
    public string ArchiveRoot { get; } = Path.Combine(Path.GetTempPath(), $"it-archive-{Guid.NewGuid():N}");

    /// <summary>The keys the services send to the providers (the simulator takes any unless given its own).</summary>
    protected virtual IReadOnlyDictionary<string, string> ApiKeys { get; } =
        new[] { "Modellix", "MyRouter", "EvoLink" }.ToDictionary(p => p, p => $"test-key-{p.ToLowerInvariant()}");

    /// <summary>Changes to the simulator's settings: by default tasks wait 0.3 s and generate for 1 s.</summary>
    protected virtual void ConfigureSimulator(IDictionary<string, string?> settings) { }

    /// <summary>Changes to the services' settings (<see cref="ServiceHosts.Settings"/>: fast polling, this run's
    /// vhost and database, every provider pointed at the simulator).</summary>
    protected virtual void ConfigureServices(IDictionary<string, string?> settings) { }

    /// <summary>Starts the services under test with <see cref="StartServiceAsync"/>.</summary>
    protected abstract Task StartServicesAsync(Dictionary<string, string?> settings);

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();

        var simulatorSettings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Simulator:PendingSeconds"] = "0.3",
            ["Simulator:GenerationSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        ConfigureSimulator(simulatorSettings);
        var simulator = ProviderSimulator.SimulatorApp.Create([], simulatorSettings);
        await simulator.StartAsync();
        _hosts.Add(simulator);
        Simulator = new SimulatorClient(simulator.Urls.First());

        var settings = ServiceHosts.Settings(_infrastructure, Simulator.BaseUrl, ArchiveRoot, ApiKeys);
        ConfigureServices(settings);
        await StartServicesAsync(settings);
        _bus = await ServiceHosts.StartCallerBusAsync(_infrastructure, Events);
    }

    /// <summary>Starts one service; it is stopped with the fixture.</summary>
    protected async Task<WebApplication> StartServiceAsync(
        string name, Action<WebApplicationBuilder> addService, IDictionary<string, string?> settings,
        Action<WebApplicationBuilder>? customize = null, Action<WebApplication>? mapEndpoints = null)
    {
        var service = await ServiceHosts.StartAsync(name, addService, settings, customize, mapEndpoints);
        _hosts.Add(service);
        return service;
    }

    /// <summary>Stops a running service before the fixture ends, as a deployment or a crash would.</summary>
    protected async Task StopServiceAsync(string name)
    {
        var service = _hosts.Single(s => s.Environment.ApplicationName == name);
        await service.StopAsync();
        await service.DisposeAsync();
        _hosts.Remove(service); // only once stopped: a failed stop leaves it to the fixture's own disposal
    }

    public virtual async Task DisposeAsync()
    {
        await ServiceHosts.StopAsync(_bus, _hosts, _infrastructure);
        if (Directory.Exists(ArchiveRoot))
            Directory.Delete(ArchiveRoot, recursive: true);
    }
}
