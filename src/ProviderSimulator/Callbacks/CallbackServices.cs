using Microsoft.Extensions.Options;

namespace ProviderSimulator.Callbacks;

public static class CallbackServices
{
    public static IServiceCollection AddCallbackDelivery(this IServiceCollection services)
    {
        services.AddHttpClient(CallbackDispatcher.ClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout =
                TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<SimulatorOptions>>().Value.CallbackTimeoutSeconds))
            // A redirect would lead past the URL check to wherever the receiver points; it counts as a failed attempt instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<CallbackDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<CallbackDispatcher>());
        return services;
    }
}
