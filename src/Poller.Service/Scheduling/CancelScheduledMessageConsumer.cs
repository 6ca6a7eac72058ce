using MassTransit;
using MassTransit.Scheduling;

namespace VideoPlatform.Poller.Scheduling;

/// <summary>Receives MassTransit's CancelScheduledMessage (a saga's <c>Unschedule(...)</c> or a reschedule).</summary>
public sealed class CancelScheduledMessageConsumer(IScheduledMessageStore store) : IConsumer<CancelScheduledMessage>
{
    public Task Consume(ConsumeContext<CancelScheduledMessage> context) =>
        store.CancelAsync(context.Message.TokenId, context.CancellationToken);
}
