using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using VideoPlatform.Archiver.Safety;

namespace VideoPlatform.Archiver.Tests.Safety;

/// <summary>The archiver's own appsettings.json, as the demo runs it and as docker-compose overrides it.</summary>
public class When_the_shipped_settings_are_loaded
{
    [Fact]
    public void Should_allow_no_internal_host_unless_one_is_configured()
    {
        var options = Load();

        var policy = new SourcePolicy(HostAllowList.Parse(options.AllowedHosts));

        Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true).ShouldBeTrue();
        policy.Refusal(new Uri("http://127.0.0.1:5080/media/task-1.mp4")).ShouldNotBeNull();
        // A name is judged by the addresses it resolves to, when connecting, unless the list names it.
        HostAllowList.Parse(options.AllowedHosts).Allows("localhost", 5080).ShouldBeFalse();
    }

    [Fact]
    public void Should_allow_the_simulator_as_the_demo_configures_it()
    {
        var options = Load(new Dictionary<string, string?> { ["Archive:AllowedHosts:0"] = "127.0.0.1:5080" });

        var policy = new SourcePolicy(HostAllowList.Parse(options.AllowedHosts));

        policy.Refusal(new Uri("http://127.0.0.1:5080/media/task-1.mp4")).ShouldBeNull();
        policy.Refusal(new Uri("http://127.0.0.1:5432/")).ShouldNotBeNull();
    }

    [Fact]
    public void Should_let_compose_name_the_simulator_container_instead()
    {
        var options = Load(new Dictionary<string, string?> { ["Archive:AllowedHosts:0"] = "simulator:8080" });

        var list = HostAllowList.Parse(options.AllowedHosts);

        list.Allows("simulator", 8080).ShouldBeTrue();
        list.Allows("127.0.0.1", 5080).ShouldBeFalse();
        list.Allows("localhost", 5080).ShouldBeFalse(); // nothing shipped survives an override of the first entry
    }

    private static ArchiveOptions Load(Dictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(overrides ?? [])
            .Build();
        return configuration.GetSection(ArchiveOptions.Section).Get<ArchiveOptions>()!;
    }
}
