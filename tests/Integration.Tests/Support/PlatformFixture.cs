using VideoPlatform.Archiver;
using VideoPlatform.Poller;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// The whole platform in one test process: the provider simulator and the three services, on real RabbitMQ and
/// PostgreSQL, with short timeouts so stalled, hung and failing tasks end within a test.
/// </summary>
public sealed class PlatformFixture : PlatformFixtureBase
{
    private const string Poller = "Poller.Service";
    private Dictionary<string, string?> _settings = [];

    protected override void ConfigureSimulator(IDictionary<string, string?> settings) =>
        settings["Simulator:HangSeconds"] = "6";

    protected override void ConfigureServices(IDictionary<string, string?> settings)
    {
        settings["Polling:CheckTimeoutSeconds"] = "10";
        settings["Polling:DeadlineMinutes"] = "2";
        settings["Routing:Routes:any-kling-v3-i2v:0"] = "modellix/kling-v3-i2v";
        settings["Routing:Routes:any-kling-v3-i2v:1"] = "myrouter/kling-v3.0-pro-i2v";
        settings["Routing:Routes:any-kling-v3-i2v:2"] = "evolink/kling-v3-image-to-video";
        settings["Archive:Attempts"] = "2";
        foreach (var provider in ApiKeys.Keys)
            settings[$"Providers:{provider}:SubmitTimeoutSeconds"] = "2";
    }

    protected override async Task StartServicesAsync(Dictionary<string, string?> settings)
    {
        _settings = settings;
        await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings);
        await StartServiceAsync(Poller, b => b.AddPoller(), settings);
        await StartServiceAsync("Archiver.Service", b => b.AddArchiver(), settings);
    }

    /// <summary>Stops the poller and starts a new one, as a deployment or a crash-restart would.</summary>
    public async Task RestartPollerAsync()
    {
        await StopServiceAsync(Poller);
        await StartServiceAsync(Poller, b => b.AddPoller(), _settings);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
