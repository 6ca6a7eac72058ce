using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VideoPlatform.ServiceDefaults;

public static class BusRegistration
{
    /// <summary>
    /// MassTransit on RabbitMQ with the platform's conventions: kebab-case queues named after their consumers,
    /// durable quorum queues, publisher confirms, retries then the <c>_error</c> queue, and events published
    /// only after a consumer succeeds (in-memory outbox); every consumer logs inside a RequestId scope.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformBus(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> registerConsumers,
        Action<IBusRegistrationContext, IBusFactoryConfigurator>? configureBus = null)
    {
        var transport = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>()?.Transport ?? BusTransport.RabbitMq;
        var rabbit = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();

        StartingBusHealthCheck.Register(builder.Services);
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.DisableUsageTelemetry();
            registerConsumers(x);
            x.AddConfigureEndpointsCallback(ApplyEndpointConventions);

            if (transport == BusTransport.InMemory)
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseConsumeFilter(typeof(RequestIdScopeFilter<>), context);
                    configureBus?.Invoke(context, cfg);
                    cfg.ConfigureEndpoints(context);
                });
                return;
            }

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                    h.PublisherConfirmation = true;
                });
                cfg.UseConsumeFilter(typeof(RequestIdScopeFilter<>), context);
                configureBus?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static void ApplyEndpointConventions(IRegistrationContext context, string queueName, IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.SetQuorumQueue();

        // Transient faults (database restart, broker blip) get a few quick tries before the message
        // goes to <queue>_error with the exception in its headers.
        endpoint.UseMessageRetry(r => r.Intervals(200, 1000, 3000, 10000));
        endpoint.UseInMemoryOutbox(context);
    }
}
