using System.Text.Json;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace VideoPlatform.Poller.Scheduling;

/// <summary>
/// Receives MassTransit's ScheduleMessage (what a saga's <c>Schedule(...)</c> sends) and stores the complete
/// envelope until it is due.
/// </summary>
public sealed class ScheduleMessageConsumer(IScheduledMessageStore store) : IConsumer<ScheduleMessage>
{
    public async Task Consume(ConsumeContext<ScheduleMessage> context)
    {
        var command = context.Message;
        var body = context.SerializerContext
            .GetMessageSerializer(command.Payload, command.PayloadType)
            .GetMessageBody(new MessageSendContext<ScheduleMessage>(command));

        var headers = context.Headers.GetAll()
            .Where(h => h.Value is string or Guid or bool or int or long or double or DateTime or DateTimeOffset or Uri)
            .ToDictionary(h => h.Key, h => Convert.ToString(h.Value, System.Globalization.CultureInfo.InvariantCulture));

        await store.UpsertAsync(new ScheduledMessage(
            command.CorrelationId,
            DateTime.SpecifyKind(command.ScheduledTime.ToUniversalTime(), DateTimeKind.Utc),
            command.Destination.ToString(),
            context.ReceiveContext.ContentType?.ToString() ?? "application/vnd.masstransit+json",
            string.Join(';', command.PayloadType),
            body.GetString(),
            JsonSerializer.Serialize(headers)), context.CancellationToken);
    }
}
