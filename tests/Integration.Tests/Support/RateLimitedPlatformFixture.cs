using System.Globalization;
using VideoPlatform.Poller;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// Submitter and poller against a simulator that enforces a per-key call limit, with every provider call the
/// services make recorded with its start time. What the provider allows and what the platform believes it may
/// spend are set apart, so a test can show pacing (both agree) and recovery from 429s (the provider allows less).
/// </summary>
public abstract class RateLimitedPlatformFixture : PlatformFixtureBase
{
    public OutgoingRequests Outgoing { get; } = new();

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

    protected override void ConfigureSimulator(IDictionary<string, string?> settings)
    {
        settings["Simulator:RequestsPerMinutePerKey"] = ProviderLimit.ToString(CultureInfo.InvariantCulture);
        settings["Simulator:RateLimitWindowSeconds"] = ProviderWindowSeconds.ToString(CultureInfo.InvariantCulture);
    }

    protected override void ConfigureServices(IDictionary<string, string?> settings) =>
        settings["Providers:EvoLink:RequestsPerMinute"] = PlatformRequestsPerMinute.ToString(CultureInfo.InvariantCulture);

    protected override async Task StartServicesAsync(Dictionary<string, string?> settings)
    {
        await StartServiceAsync("Poller.Service", b => b.AddPoller(), settings);
        await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
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
