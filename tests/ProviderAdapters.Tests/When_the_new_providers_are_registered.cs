using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VideoPlatform.ProviderAdapters.Tests;

/// <summary>What a host gets from <c>AddVideoProviders()</c> for MyRouter and EvoLink.</summary>
public sealed class When_the_new_providers_are_registered
{
    [Fact]
    public void Should_offer_both_models_through_the_catalog()
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var models = host.Catalog.All.Select(m => $"{m.Provider}/{m.Model}").ToList();

        // Assert
        models.ShouldContain("myrouter/kling-v3.0-pro-i2v");
        models.ShouldContain("evolink/kling-v3-image-to-video");
        host.Catalog.KnowsProvider("MyRouter").ShouldBeTrue();
        host.Catalog.KnowsProvider("EvoLink").ShouldBeTrue();
    }

    [Theory]
    [InlineData("MyRouter", "https://api.myrouter.ai")]
    [InlineData("EvoLink", "https://api.evolink.ai")]
    public void Should_read_the_options_from_their_own_section(string name, string baseUrl)
    {
        // Arrange
        using var services = Build(new()
        {
            [$"Providers:{name}:BaseUrl"] = baseUrl,
            [$"Providers:{name}:ApiKey"] = "sk-live",
            [$"Providers:{name}:QueryTimeoutSeconds"] = "20",
        });

        // Act
        var options = services.GetRequiredService<IOptionsMonitor<ProviderOptions>>().Get(name);

        // Assert
        options.BaseUrl.ShouldBe(baseUrl);
        options.ApiKey.ShouldBe("sk-live");
        options.QueryTimeoutSeconds.ShouldBe(20);
        options.SubmitTimeoutSeconds.ShouldBe(30);
    }

    [Theory]
    [InlineData("MyRouter")]
    [InlineData("EvoLink")]
    public void Should_refuse_options_without_a_base_url(string name)
    {
        // Arrange
        using var services = Build(new() { [$"Providers:{name}:ApiKey"] = "key" });
        var monitor = services.GetRequiredService<IOptionsMonitor<ProviderOptions>>();

        // Act
        var read = () => monitor.Get(name);

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
