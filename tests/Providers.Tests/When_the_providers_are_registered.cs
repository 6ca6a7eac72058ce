using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VideoPlatform.Providers.Tests;

/// <summary>What a host gets from <c>AddVideoProviders()</c> with the documented configuration keys, per provider.</summary>
public sealed class When_the_providers_are_registered
{
    public static TheoryData<string, string[]> ModelsByProvider => new()
    {
        { "Modellix", ["kling-v3-i2v", "kling-v1.6-mi2v", "kling-video-o1"] },
        { "MyRouter", ["kling-v3.0-pro-i2v"] },
        { "EvoLink", ["kling-v3-image-to-video"] },
    };

    public static TheoryData<string, string> LiveBaseUrls => new()
    {
        { "Modellix", "https://api.modellix.ai" },
        { "MyRouter", "https://api.myrouter.ai" },
        { "EvoLink", "https://api.evolink.ai" },
    };

    public static TheoryData<string> ProviderNames => ["Modellix", "MyRouter", "EvoLink"];

    [Theory]
    [MemberData(nameof(ModelsByProvider))]
    public void Should_offer_exactly_the_providers_models_through_the_catalog(string provider, string[] models)
    {
        // Arrange
        using var services = Build(new()
        {
            ["Providers:Modellix:BaseUrl"] = "https://modellix.test",
            ["Providers:MyRouter:BaseUrl"] = "https://myrouter.test",
            ["Providers:EvoLink:BaseUrl"] = "https://evolink.test",
        });

        // Act
        var catalog = services.GetRequiredService<VideoModelCatalog>();

        // Assert
        catalog.KnowsProvider(provider).ShouldBeTrue();
        catalog.All.Where(m => m.Provider == provider.ToLowerInvariant()).Select(m => m.Model).ShouldBe(models, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(LiveBaseUrls))]
    public void Should_read_the_options_from_their_own_section(string provider, string baseUrl)
    {
        // Arrange
        using var services = Build(new()
        {
            [$"Providers:{provider}:BaseUrl"] = baseUrl,
            [$"Providers:{provider}:ApiKey"] = "sk-live",
            [$"Providers:{provider}:SubmitTimeoutSeconds"] = "45",
            [$"Providers:{provider}:QueryTimeoutSeconds"] = "20",
        });

        // Act
        var options = services.GetRequiredService<IOptionsMonitor<ProviderOptions>>().Get(provider);

        // Assert
        options.BaseUrl.ShouldBe(baseUrl);
        options.ApiKey.ShouldBe("sk-live");
        options.SubmitTimeoutSeconds.ShouldBe(45);
        options.QueryTimeoutSeconds.ShouldBe(20);
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public void Should_default_the_timeouts_when_the_section_names_none(string provider)
    {
        // Arrange
        using var services = Build(new() { [$"Providers:{provider}:BaseUrl"] = "https://provider.test" });

        // Act
        var options = services.GetRequiredService<IOptionsMonitor<ProviderOptions>>().Get(provider);

        // Assert
        options.SubmitTimeoutSeconds.ShouldBe(30);
        options.QueryTimeoutSeconds.ShouldBe(15);
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public void Should_refuse_options_without_a_base_url(string provider)
    {
        // Arrange
        using var services = Build(new() { [$"Providers:{provider}:ApiKey"] = "key" });
        var monitor = services.GetRequiredService<IOptionsMonitor<ProviderOptions>>();

        // Act
        var read = () => monitor.Get(provider);

        // Assert
        read.ShouldThrow<OptionsValidationException>().Message.ShouldContain("BaseUrl");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddVideoProviders();
        return services.BuildServiceProvider();
    }
}
