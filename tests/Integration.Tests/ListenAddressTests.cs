using System.Net;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// The standard ways to tell an ASP.NET Core program where to listen work for every service: docker compose sets
/// ASPNETCORE_URLS to all interfaces, and a setting in appsettings.json must not win over it.
/// </summary>
public class When_a_service_is_told_where_to_listen
{
    private static Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["RabbitMq__Host"] = TestInfrastructure.RabbitHost,
            ["RabbitMq__Username"] = TestInfrastructure.RabbitUser,
            ["RabbitMq__Password"] = TestInfrastructure.RabbitPassword,
            ["ConnectionStrings__Postgres"] = System.Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                ?? "Host=127.0.0.1;Port=5432;Username=platform;Password=platform;Database=platform",
            ["Archive__Root"] = Path.Combine(Path.GetTempPath(), "listen-test-archive"),
            ["ASPNETCORE_URLS"] = "",
        };
        foreach (var (name, value) in extra)
            environment[name] = value;
        return environment;
    }

    [Theory]
    [InlineData("Submitter.Service")]
    [InlineData("Poller.Service")]
    [InlineData("Archiver.Service")]
    public async Task Should_listen_where_ASPNETCORE_URLS_says(string project)
    {
        // Arrange
        var port = ServiceProcess.FreePort();

        // Act
        await using var service = ServiceProcess.Start(project, Environment(("ASPNETCORE_URLS", $"http://127.0.0.1:{port}")));
        using var live = await service.GetWhenListeningAsync($"http://127.0.0.1:{port}/health/live", TimeSpan.FromSeconds(60));

        // Assert
        live.ShouldNotBeNull($"{project} never answered on the port ASPNETCORE_URLS named");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_listen_where_the_urls_argument_says_and_serve_metrics_there()
    {
        // Arrange
        var port = ServiceProcess.FreePort();

        // Act
        await using var service = ServiceProcess.Start("Archiver.Service", Environment(), "--urls", $"http://127.0.0.1:{port}");
        using var live = await service.GetWhenListeningAsync($"http://127.0.0.1:{port}/health/live", TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        var metrics = live is null ? "" : await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");

        // Assert: the scrape answer is Prometheus text with the runtime's meter in it.
        live.ShouldNotBeNull("the archiver never answered on the port --urls named");
        metrics.ShouldContain("# TYPE ");
        metrics.ShouldContain("dotnet_");
    }
}
