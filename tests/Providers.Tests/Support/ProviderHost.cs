using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoPlatform.TestSupport.Logging;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>
/// The providers as a host registers them (<c>AddVideoProviders()</c> with its configuration keys), with every
/// provider HTTP client sending through one <see cref="StubHttpHandler"/>.
/// </summary>
internal sealed class ProviderHost : IDisposable
{
    public const string ApiKey = "sk-test-secret";
    public const string ModellixBaseUrl = "https://modellix.test";
    public const string MyRouterBaseUrl = "https://myrouter.test";
    public const string EvoLinkBaseUrl = "https://evolink.test";

    private readonly ServiceProvider _services;

    private ProviderHost(StubHttpHandler network, IDictionary<string, string?>? settings = null)
    {
        Network = network;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Modellix:BaseUrl"] = ModellixBaseUrl,
            ["Providers:Modellix:ApiKey"] = ApiKey,
            ["Providers:MyRouter:BaseUrl"] = MyRouterBaseUrl,
            ["Providers:MyRouter:ApiKey"] = ApiKey,
            ["Providers:EvoLink:BaseUrl"] = EvoLinkBaseUrl,
            ["Providers:EvoLink:ApiKey"] = ApiKey,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(Logs.CreateProvider()));
        services.AddVideoProviders();
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => network));
        _services = services.BuildServiceProvider();
    }

    public StubHttpHandler Network { get; }

    public CapturedLogs Logs { get; } = new();

    public VideoModelCatalog Catalog => _services.GetRequiredService<VideoModelCatalog>();

    public IVideoModel Modellix => Catalog.Find("modellix", "kling-v3-i2v").ShouldNotBeNull();

    public IVideoModel MyRouter => Catalog.Find("myrouter", "kling-v3.0-pro-i2v").ShouldNotBeNull();

    public IVideoModel EvoLink => Catalog.Find("evolink", "kling-v3-image-to-video").ShouldNotBeNull();

    public static ProviderHost Answering(
        HttpStatusCode status, string body, Action<HttpResponseMessage>? decorate = null, IDictionary<string, string?>? settings = null) =>
        new(StubHttpHandler.Answering(status, body, decorate), settings);

    /// <summary>Over a network that misbehaves in its own way (drops, hangs).</summary>
    public static ProviderHost Over(StubHttpHandler network, IDictionary<string, string?>? settings = null) => new(network, settings);

    /// <summary>The signing key of the hosts with callbacks on; tests check the token against it.</summary>
    public const string CallbackSigningKey = "test-callback-signing-key-0123456789abcdef";

    /// <summary>With <c>Callbacks:PublicBaseUrl</c> and its signing key set, as a deployment that accepts provider callbacks has them.</summary>
    public static ProviderHost WithCallbacks(string publicBaseUrl, HttpStatusCode status, string body) =>
        new(StubHttpHandler.Answering(status, body), new Dictionary<string, string?>
        {
            ["Callbacks:PublicBaseUrl"] = publicBaseUrl,
            ["Callbacks:SigningKey"] = CallbackSigningKey,
        });

    /// <summary>The token a callback URL for this provider and request must end with under <see cref="CallbackSigningKey"/>.</summary>
    public static string CallbackToken(string provider, Guid requestId) =>
        VideoPlatform.Providers.Callbacks.CallbackToken.Sign(CallbackSigningKey, provider, requestId);

    /// <summary>For tests that never reach the network (validation, body building).</summary>
    public static ProviderHost Offline() => Answering(HttpStatusCode.InternalServerError, "no network in this test");

    public void Dispose() => _services.Dispose();
}
