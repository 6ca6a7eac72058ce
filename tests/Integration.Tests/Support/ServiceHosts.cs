using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>What the fixtures share: the services' common test settings, starting a service with its own
/// registration code, and a caller's bus that collects the platform's events.</summary>
public static class ServiceHosts
{
    /// <summary>Fast polling, the run's own vhost and database, every provider pointed at the simulator.</summary>
    public static Dictionary<string, string?> Settings(
        TestInfrastructure infrastructure, string simulatorUrl, string archiveRoot, IReadOnlyDictionary<string, string> apiKeys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["RabbitMq:Host"] = TestInfrastructure.RabbitHost,
            ["RabbitMq:Username"] = TestInfrastructure.RabbitUser,
            ["RabbitMq:Password"] = TestInfrastructure.RabbitPassword,
            ["RabbitMq:VirtualHost"] = infrastructure.VirtualHost,
            ["ConnectionStrings:Postgres"] = infrastructure.ConnectionString,
            ["Polling:FirstRecheckSeconds"] = "0.5",
            ["Polling:RecheckIntervalSeconds"] = "0.5",
            ["Polling:MaxRecheckIntervalSeconds"] = "1",
            ["Polling:DueScanIntervalMilliseconds"] = "50",
            ["Archive:Root"] = archiveRoot,
            ["Archive:AllowedHosts:0"] = new Uri(simulatorUrl).Authority,
        };
        foreach (var (provider, key) in apiKeys)
        {
            settings[$"Providers:{provider}:BaseUrl"] = simulatorUrl;
            settings[$"Providers:{provider}:ApiKey"] = key;
        }
        return settings;
    }

    /// <summary>Builds a service the way its Program.cs does, on a free loopback port, and starts it.</summary>
    public static async Task<WebApplication> StartAsync(
        string name, Action<WebApplicationBuilder> addService, IDictionary<string, string?> settings,
        Action<WebApplicationBuilder>? customize = null, Action<WebApplication>? mapEndpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = name });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        customize?.Invoke(builder);
        addService(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        mapEndpoints?.Invoke(app);
        await app.StartAsync();
        // The host starts its bus in the background: until the receive endpoints have bound their queues, an event
        // published to them (a TaskSubmitted for the poller) finds no queue and is gone, as on a first deployment.
        if (app.Services.GetService<IBusControl>() is { } bus)
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return app;
    }

    /// <summary>A bus like a calling service's, subscribed to every platform event.</summary>
    public static async Task<IBusControl> StartCallerBusAsync(TestInfrastructure infrastructure, EventCollector events)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(TestInfrastructure.RabbitHost, infrastructure.VirtualHost, h =>
            {
                h.Username(TestInfrastructure.RabbitUser);
                h.Password(TestInfrastructure.RabbitPassword);
            });
            events.Configure(cfg);
        });
        await bus.StartAsync();
        return bus;
    }

    /// <summary>Stops the caller's bus, then the hosts in reverse start order, then drops the run's vhost and database.</summary>
    public static async Task StopAsync(IBusControl? bus, IEnumerable<WebApplication> hosts, TestInfrastructure? infrastructure)
    {
        if (bus is not null)
            await bus.StopAsync();
        foreach (var host in hosts.Reverse())
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        if (infrastructure is not null)
            await infrastructure.DisposeAsync();
    }
}
