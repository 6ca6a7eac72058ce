using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers;

public static class ProvidersRegistration
{
    /// <summary>
    /// Registers every provider endpoint and its typed HTTP client. Each provider reads
    /// <c>Providers:&lt;Name&gt;</c> (BaseUrl, ApiKey, timeouts) and fails at start when its BaseUrl is missing.
    /// </summary>
    public static IServiceCollection AddVideoProviders(this IServiceCollection services)
    {
        AddProviderOptions(services, ModellixApiClient.Name);
        // Timeouts are per call (submit vs query) inside the clients, so the factory's own timeout is off.
        services.AddHttpClient<IModellixApi, ModellixApiClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        // Transient: adapters hold a typed client, whose handler the factory must stay free to rotate.
        services.AddTransient<IVideoModel, KlingV3ImageToVideo>();
        services.AddTransient<IVideoModel, KlingV16MultiImageToVideo>();
        services.AddTransient<IVideoModel, KlingVideoO1>();

        services.AddTransient<VideoModelCatalog>();
        return services;
    }

    private static void AddProviderOptions(IServiceCollection services, string name) =>
        services.AddOptions<ProviderOptions>(name)
            .BindConfiguration($"Providers:{name}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
