using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Counts <c>video.dead_letters</c> in the error pipe, which runs once per message, after the retries gave up: a message
/// that succeeds on a retry never gets here, and one that faults is counted once, after it was moved to <c>_error</c>.
/// </summary>
public sealed class DeadLetterCountFilter(string queueName) : IFilter<ExceptionReceiveContext>
{
    public const string UnknownMessageType = "unknown";

    /// <summary>MassTransit's error pipe (fault event, then the move to <c>_error</c>) with the count after it.</summary>
    public static void Configure(IReceiveEndpointConfigurator endpoint, string queueName, IRegistrationContext context)
    {
        endpoint.UseConsumeFilter(typeof(NoteMessageType<>), context);
        var answers = context.GetServices<IUnreadableEnvelopeAnswer>().ToList();
        endpoint.ConfigureError(error =>
        {
            error.UseFilter(new UnreadableEnvelopeFilter(answers));
            error.UseFilter(new DeadLetterCountFilter(queueName));
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
    }

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        await next.Send(context);
        var messageType = context.TryGetPayload<ConsumedMessageType>(out var consumed) ? consumed.Name : UnknownMessageType;
        PlatformMetrics.MessageDeadLettered(queueName, messageType);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("deadLetterCount");

    private sealed record ConsumedMessageType(string Name);

    /// <summary>
    /// The error pipe sees the received message, not the consumed one; its type is noted on the receive context while
    /// it is consumed (a message that cannot even be deserialized stays <c>unknown</c>).
    /// </summary>
    public sealed class NoteMessageType<T> : IFilter<ConsumeContext<T>> where T : class
    {
        public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
        {
            context.ReceiveContext.GetOrAddPayload(() => new ConsumedMessageType(typeof(T).Name));
            return next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("noteMessageType");
    }
}
