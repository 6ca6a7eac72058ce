using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using VideoPlatform.Archiver;
using VideoPlatform.Poller;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// The whole platform in one test process: the provider simulator, the three services built with their own
/// registration code (each with its own bus), on real RabbitMQ and PostgreSQL.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly List<WebApplication> _services = [];
    private WebApplication? _simulator;
    private IBusControl? _bus;
    private TestInfrastructure? _infrastructure;
    private Dictionary<string, string?> _settings = [];

    public TestInfrastructure Infrastructure => _infrastructure ?? throw new InvalidOperationException("infrastructure not created");
    public EventCollector Events { get; } = new();
    public SimulatorClient Simulator { get; private set; } = null!;
    public string ArchiveRoot { get; } = Path.Combine(Path.GetTempPath(), $"it-archive-{Guid.NewGuid():N}");
    public IBus Bus => _bus ?? throw new InvalidOperationException("bus not started");

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();

        _simulator = ProviderSimulator.SimulatorApp.Create([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Simulator:PendingSeconds"] = "0.3",
            ["Simulator:GenerationSeconds"] = "1",
            ["Simulator:HangSeconds"] = "6",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _simulator.StartAsync();
        Simulator = new SimulatorClient(_simulator.Urls.First());

        _settings = ServiceSettings();
        _services.Add(await ServiceHosts.StartAsync("Submitter.Service", b => b.AddSubmitter(), _settings));
        _services.Add(await ServiceHosts.StartAsync("Poller.Service", b => b.AddPoller(), _settings));
        _services.Add(await ServiceHosts.StartAsync("Archiver.Service", b => b.AddArchiver(), _settings));
        _bus = await ServiceHosts.StartCallerBusAsync(Infrastructure, Events);
    }

    /// <summary>Stops the poller and starts a new one, as a deployment or a crash-restart would.</summary>
    public async Task RestartPollerAsync()
    {
        var poller = _services.Single(s => s.Environment.ApplicationName == "Poller.Service");
        await poller.StopAsync();
        await poller.DisposeAsync();
        _services.Remove(poller);
        _services.Add(await ServiceHosts.StartAsync("Poller.Service", b => b.AddPoller(), _settings));
    }

    private Dictionary<string, string?> ServiceSettings()
    {
        var keys = new[] { "Modellix", "MyRouter", "EvoLink" }.ToDictionary(p => p, p => $"test-key-{p.ToLowerInvariant()}");
        var settings = ServiceHosts.Settings(Infrastructure, Simulator.BaseUrl, ArchiveRoot, keys);
        settings["Polling:CheckTimeoutSeconds"] = "10";
        settings["Polling:StalledAfterSeconds"] = "3";
        settings["Routing:Routes:any-kling-v3-i2v:0"] = "modellix/kling-v3-i2v";
        settings["Routing:Routes:any-kling-v3-i2v:1"] = "myrouter/kling-v3.0-pro-i2v";
        settings["Routing:Routes:any-kling-v3-i2v:2"] = "evolink/kling-v3-image-to-video";
        settings["Polling:DeadlineMinutes"] = "2";
        settings["Archive:Attempts"] = "2";
        foreach (var provider in keys.Keys)
            settings[$"Providers:{provider}:SubmitTimeoutSeconds"] = "2";
        return settings;
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
            await _bus.StopAsync();
        foreach (var service in _services)
        {
            await service.StopAsync();
            await service.DisposeAsync();
        }
        if (_simulator is not null)
        {
            await _simulator.StopAsync();
            await _simulator.DisposeAsync();
        }
        if (_infrastructure is not null)
            await _infrastructure.DisposeAsync();
        if (Directory.Exists(ArchiveRoot))
            Directory.Delete(ArchiveRoot, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
