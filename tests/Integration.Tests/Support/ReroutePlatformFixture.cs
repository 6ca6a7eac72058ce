using VideoPlatform.Archiver;
using VideoPlatform.Poller;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// The whole platform with one route, <see cref="Route"/>: EvoLink first (the one provider that says when a failure
/// was its own), then Modellix, both taking the same image-to-video options, so a request EvoLink fails on its side
/// can be sent on to Modellix.
/// </summary>
public sealed class ReroutePlatformFixture : PlatformFixtureBase
{
    public const string Route = "evolink-then-modellix-kling-v3-i2v";
    public const string First = "evolink/kling-v3-image-to-video";
    public const string Second = "modellix/kling-v3-i2v";

    protected override void ConfigureServices(IDictionary<string, string?> settings)
    {
        settings[$"Routing:Routes:{Route}:0"] = First;
        settings[$"Routing:Routes:{Route}:1"] = Second;
    }

    protected override async Task StartServicesAsync(Dictionary<string, string?> settings)
    {
        await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings);
        await StartServiceAsync("Poller.Service", b => b.AddPoller(), settings);
        await StartServiceAsync("Archiver.Service", b => b.AddArchiver(), settings);
    }
}
