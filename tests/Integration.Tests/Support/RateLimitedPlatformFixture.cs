using System.Globalization;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using VideoPlatform.Poller;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// Submitter and poller against a simulator that enforces a per-key call limit, with every provider call the
/// services make recorded with its start time. What the provider allows and what the platform believes it may
/// spend are set apart, so a test can show pacing (both agree) and recovery from 429s (the provider allows less).
/// </summary>
public abstract class RateLimitedPlatformFixture : IAsyncLifetime
{
    private readonly List<WebApplication> _hosts = [];
    private TestInfrastructure? _infrastructure;
    private IBusControl? _bus;

    public EventCollector Events { get; } = new();
    public OutgoingRequests Outgoing { get; } = new();
    public SimulatorClient Simulator { get; private set; } = null!;
    public IBus Bus => _bus ?? throw new InvalidOperationException("bus not started");

    /// <summary>Calls the simulator takes per key in any <see cref="ProviderWindowSeconds"/>.</summary>
    protected abstract int ProviderLimit { get; }
    protected abstract double ProviderWindowSeconds { get; }

    /// <summary>The platform's <c>Providers:EvoLink:RequestsPerMinute</c>.</summary>
    public abstract int PlatformRequestsPerMinute { get; }

    /// <summary>EvoLink API calls (submits and status queries) the services made, in start order.</summary>
    public IReadOnlyList<OutgoingCall> ProviderCalls() =>
        [.. Outgoing.Calls
            .Where(c => c.Url.GetLeftPart(UriPartial.Authority) == Simulator.BaseUrl.TrimEnd('/') && c.Url.AbsolutePath.StartsWith("/v1/", StringComparison.Ordinal))
            .OrderBy(c => c.StartedUtc)];

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var simulator = ProviderSimulator.SimulatorApp.Create([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Simulator:PendingSeconds"] = "0.3",
            ["Simulator:GenerationSeconds"] = "1",
            ["Simulator:RequestsPerMinutePerKey"] = ProviderLimit.ToString(CultureInfo.InvariantCulture),
            ["Simulator:RateLimitWindowSeconds"] = ProviderWindowSeconds.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await simulator.StartAsync();
        _hosts.Add(simulator);
        Simulator = new SimulatorClient(simulator.Urls.First());

        var keys = new[] { "Modellix", "MyRouter", "EvoLink" }.ToDictionary(p => p, p => $"test-key-{p.ToLowerInvariant()}");
        var archiveRoot = Path.Combine(Path.GetTempPath(), $"it-rate-archive-{Guid.NewGuid():N}");
        var settings = ServiceHosts.Settings(_infrastructure, Simulator.BaseUrl, archiveRoot, keys);
        settings["Providers:EvoLink:RequestsPerMinute"] = PlatformRequestsPerMinute.ToString(CultureInfo.InvariantCulture);
        _hosts.Add(await ServiceHosts.StartAsync("Poller.Service", b => b.AddPoller(), settings));
        _hosts.Add(await ServiceHosts.StartAsync("Submitter.Service", b => b.AddSubmitter(), settings));
        _bus = await ServiceHosts.StartCallerBusAsync(_infrastructure, Events);
    }

    public async Task DisposeAsync()
    {
        await ServiceHosts.StopAsync(_bus, _hosts, _infrastructure);
        Outgoing.Dispose();
    }
}

/// <summary>The platform is told the provider's real limit: 60 calls a minute.</summary>
public sealed class PacedPlatformFixture : RateLimitedPlatformFixture
{
    protected override int ProviderLimit => 60;
    protected override double ProviderWindowSeconds => 60;
    public override int PlatformRequestsPerMinute => 60;
}

/// <summary>
/// The provider allows 3 calls in any 3 s while the platform believes it may make 600 a minute (a key shared with
/// another system, or a limit set too high): the provider's 429s are what keeps the platform in check.
/// </summary>
public sealed class OverLimitPlatformFixture : RateLimitedPlatformFixture
{
    protected override int ProviderLimit => 3;
    protected override double ProviderWindowSeconds => 3;
    public override int PlatformRequestsPerMinute => 600;
}
