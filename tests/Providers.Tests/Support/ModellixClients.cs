using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>
/// The Modellix client exactly as a host registers it (<c>AddVideoProviders()</c>, every handler it adds), sending
/// through a stub network instead of the real one.
/// </summary>
internal static class ModellixClients
{
    public const string BaseUrl = "https://modellix.test";
    public const string ApiKey = "sk-modellix-secret-key";

    public static IModellixApi Over(HttpMessageHandler handler, Action<ProviderOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddVideoProviders();
        services.Configure<ProviderOptions>(ModellixApiClient.Name, o =>
        {
            o.BaseUrl = BaseUrl;
            o.ApiKey = ApiKey;
            configure?.Invoke(o);
        });
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => handler));
        return services.BuildServiceProvider().GetRequiredService<IModellixApi>();
    }
}
