using VideoPlatform.Archiver;
using VideoPlatform.Poller;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>The platform with <c>RabbitMq:QueuePrefix</c> set, as in a virtual host shared with other MassTransit services.</summary>
public sealed class PrefixedPlatformFixture : PlatformFixtureBase
{
    public const string Prefix = "acme-video";

    protected override void ConfigureServices(IDictionary<string, string?> settings) =>
        settings["RabbitMq:QueuePrefix"] = Prefix;

    protected override async Task StartServicesAsync(Dictionary<string, string?> settings)
    {
        await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings);
        await StartServiceAsync("Poller.Service", b => b.AddPoller(), settings);
        await StartServiceAsync("Archiver.Service", b => b.AddArchiver(), settings);
    }
}
