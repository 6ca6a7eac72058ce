using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoPlatform.ServiceDefaults.Tests.Support;

namespace VideoPlatform.ServiceDefaults.Tests;

/// <summary>
/// A readiness probe that arrives while the bus is still starting (every deployment's first probes) is answered
/// "not ready" without an Error-level log line: operators alert on Error, and a start is not an outage.
/// </summary>
public class When_a_service_is_not_ready_yet
{
    [Fact]
    public async Task Should_report_a_bus_not_yet_started_as_degraded_and_log_no_error()
    {
        // Arrange: the platform's bus, built but not started.
        var logs = new CapturedLogs();
        using var host = InMemoryBusHost.Build(customize: builder => builder.Logging.AddProvider(logs.CreateProvider()));

        // Act
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(HealthEndpoints.ReadyTag));

        // Assert
        report.Entries.Keys.ShouldContain("masstransit-bus");
        report.Entries["masstransit-bus"].Status.ShouldBe(HealthStatus.Degraded);
        logs.Lines.ShouldNotContain(line => line.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Should_report_a_bus_lost_after_it_was_healthy_as_unhealthy()
    {
        // Arrange: the platform's bus, started (healthy once), then stopped as a lost broker would leave it.
        using var host = InMemoryBusHost.Build();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await host.StartAsync();
        var running = await WaitForBusAsync(health, HealthStatus.Healthy);

        // Act
        await host.StopAsync();
        var stopped = await health.CheckHealthAsync(check => check.Tags.Contains(HealthEndpoints.ReadyTag));

        // Assert: an outage after a start is an outage, logged at Error.
        running.ShouldBe(HealthStatus.Healthy);
        stopped.Entries["masstransit-bus"].Status.ShouldBe(HealthStatus.Unhealthy);
    }

    private static async Task<HealthStatus> WaitForBusAsync(HealthCheckService health, HealthStatus wanted)
    {
        var status = HealthStatus.Unhealthy;
        for (var attempt = 0; attempt < 100 && status != wanted; attempt++)
        {
            status = (await health.CheckHealthAsync(check => check.Tags.Contains(HealthEndpoints.ReadyTag))).Entries["masstransit-bus"].Status;
            if (status != wanted)
                await Task.Delay(50);
        }
        return status;
    }

    [Fact]
    public async Task Should_answer_the_ready_probe_with_503_while_a_check_is_degraded()
    {
        // Arrange: a ready-tagged check that is degraded, behind the platform's endpoints.
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHealthChecks().AddCheck("starting", () => HealthCheckResult.Degraded("starting"), tags: [HealthEndpoints.ReadyTag]);
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // Act
        var ready = await http.GetAsync("/health/ready");
        var live = await http.GetAsync("/health/live");

        // Assert
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.StopAsync();
    }
}

public class When_a_ready_check_fails
{
    [Fact]
    public async Task Should_name_each_check_with_its_status_in_the_ready_answer()
    {
        // Arrange: one ready check healthy, one not.
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHealthChecks()
            .AddCheck("postgres", () => HealthCheckResult.Healthy("answers"), tags: [HealthEndpoints.ReadyTag])
            .AddCheck("masstransit-bus", () => HealthCheckResult.Unhealthy("broker lost"), tags: [HealthEndpoints.ReadyTag]);
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // Act
        var ready = await http.GetAsync("/health/ready");
        using var body = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        // Assert
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        body.RootElement.GetProperty("status").GetString().ShouldBe("Unhealthy");
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => (c.GetProperty("status").GetString(), c.GetProperty("description").GetString()));
        checks["postgres"].ShouldBe(("Healthy", "answers"));
        checks["masstransit-bus"].ShouldBe(("Unhealthy", "broker lost"));
        await app.StopAsync();
    }
}
