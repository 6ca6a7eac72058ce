using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using VideoPlatform.Archiver;
using VideoPlatform.Poller;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// The three services and the simulator in one process, like <see cref="PlatformFixture"/>, on a virtual host and
/// database of their own, with what a tracing test needs on top: the spans the services' own OpenTelemetry SDK
/// exports, and every line they log at Debug. The collector is added to the submitter's SDK only: activity
/// listeners are process-wide, so that one SDK already exports the spans of all three services, each once.
/// </summary>
public sealed class TracedPlatformFixture : IAsyncLifetime
{
    private readonly List<WebApplication> _hosts = [];
    private TestInfrastructure? _infrastructure;
    private IBusControl? _bus;

    public SpanCollector Spans { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public EventCollector Events { get; } = new();
    public IBus Bus => _bus ?? throw new InvalidOperationException("bus not started");
    public string ArchiveRoot { get; } = Path.Combine(Path.GetTempPath(), $"it-traced-archive-{Guid.NewGuid():N}");

    /// <summary>The keys the services send to the providers: distinctive, so finding one anywhere is no accident.</summary>
    public static IReadOnlyDictionary<string, string> ApiKeys { get; } = new[] { "Modellix", "MyRouter", "EvoLink" }
        .ToDictionary(p => p, p => $"sk-{p.ToLowerInvariant()}-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        // The simulator insists on the same keys, so a call that got through proves the key was sent.
        var simulator = ProviderSimulator.SimulatorApp.Create([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Simulator:PendingSeconds"] = "0.3",
            ["Simulator:GenerationSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(ApiKeys.Select(k => KeyValuePair.Create($"Providers:{k.Key}:ApiKey", (string?)k.Value))).ToDictionary());
        await simulator.StartAsync();
        _hosts.Add(simulator);

        var settings = ServiceHosts.Settings(_infrastructure, simulator.Urls.First(), ArchiveRoot, ApiKeys);
        // Slower than the deadline of any test here: the watchdog must not start traces of its own.
        settings["Polling:StalledAfterSeconds"] = "30";
        var collectSpans = new TelemetryExtension(Tracing: t => t.AddProcessor(new SimpleActivityExportProcessor(Spans)));
        _hosts.Add(await ServiceHosts.StartAsync("Submitter.Service", b => b.AddSubmitter(), settings,
            b => { b.Services.AddTelemetryExtension(collectSpans); CaptureLogs(b); }));
        _hosts.Add(await ServiceHosts.StartAsync("Poller.Service", b => b.AddPoller(), settings, CaptureLogs));
        _hosts.Add(await ServiceHosts.StartAsync("Archiver.Service", b => b.AddArchiver(), settings, CaptureLogs));
        _bus = await ServiceHosts.StartCallerBusAsync(_infrastructure, Events);
    }

    // Debug for everything, Trace where HttpClient would print request headers (the key is one).
    private void CaptureLogs(WebApplicationBuilder builder) =>
        builder.Logging.AddProvider(Logs.CreateProvider())
            .AddFilter<CapturedLogs.Provider>(null, LogLevel.Debug)
            .AddFilter<CapturedLogs.Provider>("System.Net.Http.HttpClient", LogLevel.Trace);

    public async Task DisposeAsync()
    {
        await ServiceHosts.StopAsync(_bus, _hosts, _infrastructure);
        if (Directory.Exists(ArchiveRoot))
            Directory.Delete(ArchiveRoot, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class TracedPlatformCollection : ICollectionFixture<TracedPlatformFixture>
{
    public const string Name = "traced platform";
}
