using System.Net.Mime;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace VideoPlatform.Poller.Scheduling;

/// <summary>
/// Sends a stored envelope as it was serialized, restoring the original headers and the scheduling token,
/// which is how a saga tells a current recheck from a stale one.
/// </summary>
internal sealed class ForwardScheduledMessagePipe(ScheduledMessage message) : IPipe<SendContext>
{
    public Task Send(SendContext context)
    {
        var deserializer = context.Serialization.GetMessageDeserializer(new ContentType(message.ContentType));
        var serializerContext = deserializer.Deserialize(deserializer.GetMessageBody(message.Body), EmptyHeaders.Instance, new Uri(message.Destination));

        context.SupportedMessageTypes = message.MessageTypes.Split(';', StringSplitOptions.RemoveEmptyEntries);
        context.CorrelationId = serializerContext.CorrelationId;
        context.ConversationId = serializerContext.ConversationId;
        context.InitiatorId = serializerContext.InitiatorId;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(message.HeadersJson) ?? [])
            context.Headers.Set(key, value);
        context.Headers.Set(MessageHeaders.SchedulingTokenId, message.TokenId.ToString("D"));
        context.Serializer = serializerContext.GetMessageSerializer();
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context)
    {
    }
}
