using MassTransit;
using MassTransit.Configuration;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Submitter.Commands;

/// <summary>The command's queue answers a malformed command itself, before the consumer would have to read it.</summary>
public sealed class GenerateVideoConsumerDefinition : ConsumerDefinition<GenerateVideoConsumer>
{
    /// <remarks>
    /// A pre-pipe filter: it runs before MassTransit reads the message as a <c>GenerateVideo</c>, which throws on a field
    /// of the wrong JSON type. (A filter added with <c>UseFilter</c> runs after that read, per message type.)
    /// </remarks>
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GenerateVideoConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var bus = context.GetService<IConfiguration>()?.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var publishRetry = Retry.Filter<Exception>(TransientFaults.IsTransient)
            .Intervals([.. bus.QuickRetriesOrDefault, .. bus.OutageRetriesOrDefault]);
        endpointConfigurator.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(
            ActivatorUtilities.CreateInstance<MalformedCommandFilter>(context, publishRetry)));
    }
}
