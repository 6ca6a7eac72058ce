using MassTransit;
using MassTransit.RabbitMqTransport;

namespace VideoPlatform.Submitter;

/// <summary>
/// The broker user a command was published as, when the publisher said so: RabbitMQ refuses a message whose AMQP
/// <c>user_id</c> is not the connection's user, so a present value is verified. MassTransit does not set it, so most
/// commands carry none.
/// </summary>
internal static class BrokerUser
{
    public static string? Of(ConsumeContext context) =>
        context.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery) && delivery.Properties.IsUserIdPresent()
            ? delivery.Properties.UserId
            : null;
}
