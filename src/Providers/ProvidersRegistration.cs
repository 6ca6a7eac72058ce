using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPlatform.Providers.Callbacks;
using VideoPlatform.Providers.EvoLink;
using VideoPlatform.Providers.Http;
using VideoPlatform.Providers.Modellix;
using VideoPlatform.Providers.MyRouter;
using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Providers;

public static class ProvidersRegistration
{
    /// <summary>
    /// Registers every provider endpoint and its Refit HTTP interface. Each provider reads
    /// <c>Providers:&lt;Name&gt;</c> (BaseUrl, ApiKey, timeouts) and fails at start when its BaseUrl is missing.
    /// Every call is counted by status code (<see cref="ProviderCallMetricsHandler"/>).
    /// </summary>
    public static IServiceCollection AddVideoProviders(this IServiceCollection services)
    {
        AddProviderOptions(services, ModellixApiClient.Name);
        services.AddProviderHttp<IModellixHttp>(ModellixApiClient.Name);
        services.AddTransient<IModellixApi, ModellixApiClient>();
        // Transient: adapters hold a factory-made client, whose handler the factory must stay free to rotate.
        services.AddTransient<IVideoModel, KlingV3ImageToVideo>();
        services.AddTransient<IVideoModel, KlingV16MultiImageToVideo>();
        services.AddTransient<IVideoModel, KlingVideoO1>();

        AddProviderOptions(services, MyRouterApiClient.Name);
        services.AddProviderHttp<IMyRouterHttp>(MyRouterApiClient.Name);
        services.AddTransient<IMyRouterApi, MyRouterApiClient>();
        services.AddOptions<MyRouterWebhookOptions>().BindConfiguration(MyRouterWebhookOptions.Section);
        services.AddTransient<IVideoModel, KlingV30ProImageToVideo>();

        AddProviderOptions(services, EvoLinkApiClient.Name);
        services.AddProviderHttp<IEvoLinkHttp>(EvoLinkApiClient.Name);
        services.AddTransient<IEvoLinkApi, EvoLinkApiClient>();
        services.AddTransient<IVideoModel, EvoLinkKlingV3ImageToVideo>();

        services.AddOptions<CallbackOptions>().BindConfiguration(CallbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CallbackUrls>();
        // Every adapter a service reaches goes through the key guard: what it throws never quotes a provider key.
        services.AddSingleton<ProviderKeyGuard>();
        services.AddTransient(s => new VideoModelCatalog(
            s.GetServices<IVideoModel>().Select(m => new KeyGuardedVideoModel(m, s.GetRequiredService<ProviderKeyGuard>()))));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRateLimitStore, InMemoryRateLimitStore>();
        services.AddSingleton<ProviderRateGate>();
        return services;
    }

    /// <summary>
    /// Keeps each key's rate limit in PostgreSQL (needs an <c>NpgsqlDataSource</c>), so every service and instance
    /// calling a provider with the same key stays within its limit together.
    /// </summary>
    public static IServiceCollection AddSharedRateLimits(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IRateLimitStore, PostgresRateLimitStore>());

    private static void AddProviderOptions(IServiceCollection services, string name) =>
        services.AddOptions<ProviderOptions>(name)
            .BindConfiguration($"Providers:{name}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
