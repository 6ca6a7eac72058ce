using MassTransit;

namespace VideoPlatform.Cli;

/// <summary>A short-lived bus for the CLI, connected to the broker <see cref="BrokerSource"/> chose.</summary>
internal static class CliBus
{
    public static IBusControl Create(BrokerAddress broker, Action<IRabbitMqBusFactoryConfigurator>? configure = null) =>
        Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.HostSettings());
            configure?.Invoke(cfg);
        });
}
