using System.ComponentModel.DataAnnotations;
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
        var busOptions = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var transport = busOptions.Transport;
        var rabbit = RabbitMqOptions.From(builder.Configuration);
        // Read here, before any host exists, so checked here: a bad value stops the service with its reason.
        Validator.ValidateObject(rabbit, new ValidationContext(rabbit), validateAllProperties: true);

        // Also for services that send to their own queues (the submitter's line of waiting requests).
        var names = new PrefixedEndpointNameFormatter(rabbit);
        builder.Services.AddSingleton<IEndpointNameFormatter>(names);
        StartingBusHealthCheck.Register(builder.Services);
        builder.Services.AddReceiveEndpointObserver<QueueArgumentMismatchObserver>();
        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(names);
            x.DisableUsageTelemetry();
            registerConsumers(x);
            x.AddConfigureEndpointsCallback((context, queueName, endpoint) =>
                ApplyEndpointConventions(context, queueName, endpoint, busOptions, rabbit.DeliveryLimit));

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

    private static void ApplyEndpointConventions(
        IRegistrationContext context, string queueName, IReceiveEndpointConfigurator endpoint, BusOptions options, int deliveryLimit)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            if (deliveryLimit > 0)
                QuorumDeliveryLimit.Apply(rabbit, queueName, deliveryLimit);
        }

        // Only the innermost retry filter that handles an exception retries it (an outer one does not start again once
        // an inner one gave up), so the transient faults get one policy with every wait, inner, and anything else the
        // quick tries, outer, before <queue>_error.
        endpoint.UseMessageRetry(r => r.Intervals(options.QuickRetriesOrDefault));
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<Exception>(TransientFaults.IsTransient);
            r.Intervals([.. options.QuickRetriesOrDefault, .. options.OutageRetriesOrDefault]);
        });
        endpoint.UseInMemoryOutbox(context);
        DeadLetterCountFilter.Configure(endpoint, queueName, context);
    }
}
