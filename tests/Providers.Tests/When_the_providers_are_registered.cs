using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests;

/// <summary>What a host gets from <c>AddVideoProviders()</c> with the documented configuration keys.</summary>
public sealed class When_the_providers_are_registered
{
    [Fact]
    public void Should_offer_exactly_the_three_modellix_models_through_the_catalog()
    {
        // Arrange
        using var services = Build(new() { ["Providers:Modellix:BaseUrl"] = "https://modellix.test", ["Providers:Modellix:ApiKey"] = "key" });

        // Act
        var catalog = services.GetRequiredService<VideoModelCatalog>();

        // Assert
        catalog.All.Where(m => m.Provider == "modellix").Select(m => m.Model).ShouldBe(
            ["kling-v3-i2v", "kling-v1.6-mi2v", "kling-video-o1"], ignoreOrder: true);
    }

    [Fact]
    public void Should_read_the_modellix_options_from_their_section()
    {
        // Arrange
        using var services = Build(new()
        {
            ["Providers:Modellix:BaseUrl"] = "https://api.modellix.ai",
            ["Providers:Modellix:ApiKey"] = "sk-live",
            ["Providers:Modellix:SubmitTimeoutSeconds"] = "45",
        });

        // Act
        var options = services.GetRequiredService<IOptionsMonitor<ProviderOptions>>().Get(ModellixApiClient.Name);

        // Assert
        options.BaseUrl.ShouldBe("https://api.modellix.ai");
        options.ApiKey.ShouldBe("sk-live");
        options.SubmitTimeoutSeconds.ShouldBe(45);
        options.QueryTimeoutSeconds.ShouldBe(15);
    }

    [Fact]
    public void Should_refuse_modellix_options_without_a_base_url()
    {
        // Arrange
        using var services = Build(new() { ["Providers:Modellix:ApiKey"] = "key" });
        var monitor = services.GetRequiredService<IOptionsMonitor<ProviderOptions>>();

        // Act
        var read = () => monitor.Get(ModellixApiClient.Name);

        // Assert
        read.ShouldThrow<OptionsValidationException>().Message.ShouldContain("BaseUrl");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddVideoProviders();
        return services.BuildServiceProvider();
    }
}
