using MassTransit;
using Microsoft.AspNetCore.Builder;
using VideoPlatform.Poller;
using VideoPlatform.Poller.Callbacks;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// Submitter and poller with provider callbacks on, and polling slowed to once a minute with provider estimates
/// ignored: within a test's few seconds, only a callback can make the poller see a result.
/// </summary>
public sealed class CallbackPlatformFixture : IAsyncLifetime
{
    public const double PendingSeconds = 0.3;
    public const double GenerationSeconds = 2;

    private readonly List<WebApplication> _hosts = [];
    private TestInfrastructure? _infrastructure;
    private IBusControl? _bus;

    public EventCollector Events { get; } = new();
    public SimulatorClient Simulator { get; private set; } = null!;
    public IBus Bus => _bus ?? throw new InvalidOperationException("bus not started");
    public HttpClient Poller { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var simulator = ProviderSimulator.SimulatorApp.Create([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Simulator:PendingSeconds"] = PendingSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulator:GenerationSeconds"] = GenerationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // EvoLink insists on https and a public host; the poller here listens on plain http at 127.0.0.1.
            ["Simulator:AllowInsecureCallbacks"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await simulator.StartAsync();
        _hosts.Add(simulator);
        Simulator = new SimulatorClient(simulator.Urls.First());

        var keys = new[] { "Modellix", "MyRouter", "EvoLink" }.ToDictionary(p => p, p => $"test-key-{p.ToLowerInvariant()}");
        var archiveRoot = Path.Combine(Path.GetTempPath(), $"it-callback-archive-{Guid.NewGuid():N}");
        var settings = ServiceHosts.Settings(_infrastructure, Simulator.BaseUrl, archiveRoot, keys);
        settings["Polling:FirstRecheckSeconds"] = "60";
        settings["Polling:RecheckIntervalSeconds"] = "60";
        settings["Polling:MaxRecheckIntervalSeconds"] = "60";
        settings["Polling:StalledAfterSeconds"] = "300";
        settings["Polling:Strategy"] = "Fixed";

        // The poller first: its port is the callback base URL the submitter hands to providers.
        var poller = await ServiceHosts.StartAsync("Poller.Service", b => b.AddPoller(), settings,
            mapEndpoints: app => app.MapProviderCallbacks());
        _hosts.Add(poller);
        Poller = new HttpClient { BaseAddress = new Uri(poller.Urls.First()) };

        settings["Callbacks:PublicBaseUrl"] = poller.Urls.First();
        settings["Callbacks:AllowHttp"] = "true";
        _hosts.Add(await ServiceHosts.StartAsync("Submitter.Service", b => b.AddSubmitter(), settings));
        _bus = await ServiceHosts.StartCallerBusAsync(_infrastructure, Events);
    }

    public async Task DisposeAsync()
    {
        await ServiceHosts.StopAsync(_bus, _hosts, _infrastructure);
        Poller?.Dispose();
    }
}
