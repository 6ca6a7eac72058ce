using Microsoft.AspNetCore.Builder;
using ProviderSimulator;
using ProviderSimulator.Media;

namespace VideoPlatform.Archiver.Tests.Support;

/// <summary>The provider simulator on a free loopback port, shared by a test class.</summary>
public sealed class Simulator : IAsyncLifetime
{
    private WebApplication app = null!;

    public Uri BaseAddress => new(app.Urls.Single());

    public Uri Large(long sizeBytes) => new(BaseAddress, MediaEndpoints.LargePath(sizeBytes));

    public async Task InitializeAsync()
    {
        app = SimulatorApp.Create([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
