using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>A <see cref="ModellixApiClient"/> over a stub network, configured the way the hosts configure it.</summary>
internal static class ModellixClients
{
    public const string BaseUrl = "https://modellix.test";
    public const string ApiKey = "sk-modellix-secret-key";

    public static ModellixApiClient Over(HttpMessageHandler handler, Action<ProviderOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddOptions<ProviderOptions>(ModellixApiClient.Name).Configure(o =>
        {
            o.BaseUrl = BaseUrl;
            o.ApiKey = ApiKey;
            configure?.Invoke(o);
        });
        var options = services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<ProviderOptions>>();
        return new ModellixApiClient(new HttpClient(handler), options, NullLogger<ModellixApiClient>.Instance);
    }
}
