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
        builder.Services.AddReceiveEndpointObserver<QueueArgumentMismatchObserver>();
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.DisableUsageTelemetry();
            registerConsumers(x);
            x.AddConfigureEndpointsCallback((context, queueName, endpoint) =>
                ApplyEndpointConventions(context, queueName, endpoint, rabbit.DeliveryLimit));

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
                QuorumDeliveryLimit.KeepOffErrorQueues(cfg.SendTopology);
                cfg.UseConsumeFilter(typeof(RequestIdScopeFilter<>), context);
                configureBus?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>Waits between the rounds of quick tries for a transient fault: about 8 minutes in all.</summary>
    public static readonly TimeSpan[] OutageRetryIntervals =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)];

    private static void ApplyEndpointConventions(
        IRegistrationContext context, string queueName, IReceiveEndpointConfigurator endpoint, int deliveryLimit)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            if (deliveryLimit > 0)
                QuorumDeliveryLimit.Apply(rabbit, queueName, deliveryLimit);
        }

        // Outages longer than the quick tries (a database or broker down for minutes) wait with the message held,
        // so a transient fault never dead-letters it; any other fault goes to <queue>_error after the quick tries.
        // The outer policy wraps the inner one: each of its tries runs the quick ones again.
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<Exception>(TransientFaults.IsTransient);
            r.Intervals(OutageRetryIntervals);
        });
        endpoint.UseMessageRetry(r => r.Intervals(200, 1000, 3000, 10000));
        endpoint.UseInMemoryOutbox(context);
        DeadLetterCountFilter.Configure(endpoint, queueName, context);
    }
}
