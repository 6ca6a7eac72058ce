using MassTransit;
using Microsoft.Extensions.Configuration;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Cli;

/// <summary>A short-lived bus for the CLI, configured from the same <c>RabbitMq__*</c> variables as the services.</summary>
internal static class CliBus
{
    public static IBusControl Create(Action<IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var rabbit = configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        return Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
            {
                h.Username(rabbit.Username);
                h.Password(rabbit.Password);
            });
            configure?.Invoke(cfg);
        });
    }
}
