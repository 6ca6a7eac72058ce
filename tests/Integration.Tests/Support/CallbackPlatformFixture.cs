using System.Globalization;
using System.Security.Cryptography;
using VideoPlatform.Poller;
using VideoPlatform.Poller.Callbacks;
using VideoPlatform.Providers.Callbacks;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// Submitter and poller with provider callbacks on, and polling slowed to once a minute with provider estimates
/// ignored: within a test's few seconds, only a callback can make the poller see a result.
/// </summary>
public sealed class CallbackPlatformFixture : PlatformFixtureBase
{
    public const double PendingSeconds = 0.3;
    public const double GenerationSeconds = 2;

    public HttpClient Poller { get; private set; } = null!;

    /// <summary>Drawn per run, as the scripts do: the submitter signs with it and the poller checks with it.</summary>
    public string SigningKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The path of the callback URL the submitter hands a provider for this request.</summary>
    public string CallbackPath(string provider, Guid requestId) =>
        $"/callbacks/{provider}/{requestId}/{CallbackToken.Sign(SigningKey, provider, requestId)}";

    protected override void ConfigureSimulator(IDictionary<string, string?> settings)
    {
        settings["Simulator:PendingSeconds"] = PendingSeconds.ToString(CultureInfo.InvariantCulture);
        settings["Simulator:GenerationSeconds"] = GenerationSeconds.ToString(CultureInfo.InvariantCulture);
        // EvoLink insists on https and a public host; the poller here listens on plain http at 127.0.0.1.
        settings["Simulator:AllowInsecureCallbacks"] = "true";
    }

    protected override void ConfigureServices(IDictionary<string, string?> settings)
    {
        settings["Polling:FirstRecheckSeconds"] = "60";
        settings["Polling:RecheckIntervalSeconds"] = "60";
        settings["Polling:MaxRecheckIntervalSeconds"] = "60";
        settings["Polling:Strategy"] = "Fixed";
    }

    protected override async Task StartServicesAsync(Dictionary<string, string?> settings)
    {
        settings["Callbacks:SigningKey"] = SigningKey;
        // The poller first: its port is the callback base URL the submitter hands to providers.
        var poller = await StartServiceAsync("Poller.Service", b => b.AddPoller(), settings,
            mapEndpoints: app => app.MapProviderCallbacks());
        Poller = new HttpClient { BaseAddress = new Uri(poller.Urls.First()) };

        settings["Callbacks:PublicBaseUrl"] = poller.Urls.First();
        settings["Callbacks:AllowHttp"] = "true";
        // MyRouter's webhook is undocumented, so off unless asked for; the callback tests cover it too.
        settings["Providers:MyRouter:SendUndocumentedWebhook"] = "true";
        await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Poller?.Dispose();
    }
}
