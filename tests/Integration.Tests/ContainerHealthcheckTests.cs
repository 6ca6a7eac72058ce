using System.Diagnostics;
using VideoPlatform.Integration.Tests.Support;
using VideoPlatform.TestSupport;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// The images' HEALTHCHECK (deploy/healthcheck.sh, run by Docker inside each container) run here against a real
/// service: healthy once it is ready, unhealthy where nothing listens. Docker itself cannot run on this machine.
/// </summary>
public class When_docker_checks_a_service_container
{
    [Fact]
    public async Task Should_report_a_ready_service_healthy_and_a_silent_port_unhealthy()
    {
        // Arrange
        var port = ServiceProcess.FreePort();
        var silentPort = ServiceProcess.FreePort();
        await using var archiver = ServiceProcess.Start("Archiver.Service", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["RabbitMq__Host"] = TestInfrastructure.RabbitHost,
            ["RabbitMq__Username"] = TestInfrastructure.RabbitUser,
            ["RabbitMq__Password"] = TestInfrastructure.RabbitPassword,
            ["Archive__Root"] = Path.Combine(Path.GetTempPath(), "healthcheck-test-archive"),
        });
        (await archiver.GetWhenListeningAsync($"http://127.0.0.1:{port}/health/live", TimeSpan.FromSeconds(60))).ShouldNotBeNull();

        // Act: ready may take a moment while the bus connects, as Docker's start period allows.
        var healthy = 1;
        for (var i = 0; i < 30 && healthy != 0; i++, await Task.Delay(500))
            healthy = await RunHealthcheckAsync(port);
        var silent = await RunHealthcheckAsync(silentPort);

        // Assert
        healthy.ShouldBe(0);
        silent.ShouldNotBe(0);
    }

    [Fact]
    public void Should_run_the_image_as_its_unprivileged_user_with_that_healthcheck()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "Dockerfile"));

        dockerfile.ShouldContain(line => line.Trim() == "USER $APP_UID");
        dockerfile.ShouldContain(line => line.StartsWith("HEALTHCHECK") && line.Contains("/usr/local/bin/healthcheck"));
        dockerfile.ShouldContain(line => line.Contains("deploy/healthcheck.sh /usr/local/bin/healthcheck"));
    }

    private static async Task<int> RunHealthcheckAsync(int port)
    {
        var start = new ProcessStartInfo("bash", Path.Combine(RepositoryRoot.Path, "deploy", "healthcheck.sh"));
        start.Environment["HEALTH_PORT"] = port.ToString();
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

}
