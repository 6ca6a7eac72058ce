using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Submitter.Tests;

/// <summary>The <c>Retention</c> section: defaults when absent, and a value that would delete everything at once is refused at start.</summary>
public sealed class When_retention_is_configured
{
    [Fact]
    public void Absent_settings_keep_30_days_in_batches_of_1000()
    {
        var retention = Resolve([]);

        retention.Days.ShouldBe(30);
        retention.BatchSize.ShouldBe(1000);
    }

    [Fact]
    public void A_given_setting_is_read_from_its_section()
    {
        Resolve(new() { ["Retention:Days"] = "7" }).Days.ShouldBe(7);
    }

    [Theory]
    [InlineData("Retention:Days", "0")]
    [InlineData("Retention:BatchSize", "0")]
    public void A_value_out_of_range_is_refused(string key, string value)
    {
        Should.Throw<OptionsValidationException>(() => Resolve(new() { [key] = value }));
    }

    private static RetentionOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddRetention<FinishedSubmissionRetention>();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RetentionOptions>>().Value;
    }
}
