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

        var settings = ServiceSettings(_infrastructure, simulator.Urls.First());
        var collectSpans = new TelemetryExtension(Tracing: t => t.AddProcessor(new SimpleActivityExportProcessor(Spans)));
        _hosts.Add(await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings, collectSpans));
        _hosts.Add(await StartServiceAsync("Poller.Service", b => b.AddPoller(), settings, null));
        _hosts.Add(await StartServiceAsync("Archiver.Service", b => b.AddArchiver(), settings, null));

        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(TestInfrastructure.RabbitHost, _infrastructure.VirtualHost, h =>
            {
                h.Username(TestInfrastructure.RabbitUser);
                h.Password(TestInfrastructure.RabbitPassword);
            });
            Events.Configure(cfg);
        });
        await _bus.StartAsync();
    }

    private Dictionary<string, string?> ServiceSettings(TestInfrastructure infrastructure, string simulatorUrl)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["RabbitMq:Host"] = TestInfrastructure.RabbitHost,
            ["RabbitMq:Username"] = TestInfrastructure.RabbitUser,
            ["RabbitMq:Password"] = TestInfrastructure.RabbitPassword,
            ["RabbitMq:VirtualHost"] = infrastructure.VirtualHost,
            ["ConnectionStrings:Postgres"] = infrastructure.ConnectionString,
            ["Polling:FirstRecheckSeconds"] = "0.5",
            ["Polling:RecheckIntervalSeconds"] = "0.5",
            ["Polling:MaxRecheckIntervalSeconds"] = "1",
            ["Polling:StalledAfterSeconds"] = "30",
            ["Scheduler:PollIntervalMilliseconds"] = "50",
            ["Archive:Root"] = ArchiveRoot,
            ["Archive:AllowedHosts:0"] = new Uri(simulatorUrl).Authority,
        };
        foreach (var (provider, key) in ApiKeys)
        {
            settings[$"Providers:{provider}:BaseUrl"] = simulatorUrl;
            settings[$"Providers:{provider}:ApiKey"] = key;
        }
        return settings;
    }

    private async Task<WebApplication> StartServiceAsync(
        string name, Action<WebApplicationBuilder> addService, IDictionary<string, string?> settings, TelemetryExtension? telemetry)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = name });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        if (telemetry is not null)
            builder.Services.AddTelemetryExtension(telemetry);
        // Debug for everything, Trace where HttpClient would print request headers (the key is one).
        builder.Logging.AddProvider(Logs.CreateProvider())
            .AddFilter<CapturedLogs.Provider>(null, LogLevel.Debug)
            .AddFilter<CapturedLogs.Provider>("System.Net.Http.HttpClient", LogLevel.Trace);
        addService(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return app;
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
            await _bus.StopAsync();
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        if (_infrastructure is not null)
            await _infrastructure.DisposeAsync();
        if (Directory.Exists(ArchiveRoot))
            Directory.Delete(ArchiveRoot, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class TracedPlatformCollection : ICollectionFixture<TracedPlatformFixture>
{
    public const string Name = "traced platform";
}
