using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// How each provider's Refit interface is built and registered. Refit only builds and sends the requests: every
/// method returns the raw <see cref="HttpResponseMessage"/> (read with ResponseHeadersRead, never thrown on a status,
/// never deserialized), and <see cref="ProviderHttp"/> reads and classifies it per provider.
/// </summary>
internal static class ProviderRefit
{
    /// <summary>Lets the provider's logs (and the simulator's submit counter) tie a call to our request.</summary>
    public const string RequestIdHeader = "X-Request-Id";

    public static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(ProviderJson.Options))
    {
        // Refit would wrap a transport failure in ApiRequestException (which also keeps the request and its
        // Authorization header); ProviderHttp needs the HttpRequestException itself to tell "never connected" from
        // "sent, then no answer".
        TransportExceptionFactory = (_, exception, _) => exception,
    };

    /// <summary>
    /// Registers <typeparamref name="THttp"/> on the factory client named <paramref name="name"/>, pointed at <c>Providers:&lt;name&gt;:BaseUrl</c>,
    /// with every call counted. No retry handler: a submit that may have been accepted must never be sent again.
    /// </summary>
    public static IServiceCollection AddProviderHttp<THttp>(this IServiceCollection services, string name)
        where THttp : class
    {
        services.AddHttpClient(name)
            .ConfigureHttpClient((provider, client) =>
            {
                // Timeouts are per call (submit vs query) in ProviderHttp, so the client's own is off.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.BaseAddress = BaseAddress(provider, name);
            })
            .AddHttpMessageHandler(() => new ProviderCallMetricsHandler(name.ToLowerInvariant()))
            // The build-time generated implementation: Refit 16's AddRefitClient needs its reflection builder
            // (the Refit.Reflection package), which this platform does not take.
            .AddTypedClient(client => RestService.ForGenerated<THttp>(client, Settings));
        return services;
    }

    /// <summary>
    /// The configured base URL, or none while the options are invalid: building a client must not need them (a
    /// catalog lists every model even where one provider is left unconfigured). Each call reads the options first,
    /// so it fails with their validation message before a request is built.
    /// </summary>
    private static Uri? BaseAddress(IServiceProvider provider, string name)
    {
        try
        {
            return new Uri(provider.GetRequiredService<IOptionsMonitor<ProviderOptions>>().Get(name).BaseUrl);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
