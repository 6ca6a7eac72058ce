using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace VideoPlatform.ServiceDefaults.Tests.Support;

/// <summary>A host with the service defaults and the platform's bus conventions on the in-memory transport, built
/// but not started.</summary>
public static class InMemoryBusHost
{
    public static IHost Build(
        Action<IBusRegistrationConfigurator>? registerConsumers = null, Action<HostApplicationBuilder>? customize = null,
        string applicationName = "bus-probe-service")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = applicationName });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:Transport"] = "InMemory" });
        builder.AddServiceDefaults();
        customize?.Invoke(builder);
        builder.AddPlatformBus(registerConsumers ?? (_ => { }));
        return builder.Build();
    }
}
