using MassTransit;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// A message the broker redelivers more than <c>RabbitMq:DeliveryLimit</c> times (it killed the process each time, so it was
/// never acknowledged nor faulted) is dead-lettered to the queue's own <c>&lt;queue&gt;_error</c> exchange, where MassTransit
/// puts the messages that faulted: one place to look for every poison message.
/// </summary>
public static class QuorumDeliveryLimit
{
    public const string DeliveryLimitArgument = "x-delivery-limit";
    public const string DeadLetterExchangeArgument = "x-dead-letter-exchange";

    /// <summary>MassTransit's name for an endpoint's error queue and the fanout exchange bound to it.</summary>
    public static string ErrorQueueName(string queueName) => queueName + "_error";

    public static void Apply(IRabbitMqReceiveEndpointConfigurator endpoint, string queueName, int deliveryLimit)
    {
        endpoint.SetQueueArgument(DeliveryLimitArgument, deliveryLimit);
        // Declared with the endpoint (MassTransit declares it only on the first fault), because a quorum queue drops a message
        // at the limit when its dead-letter exchange does not exist; declared exactly as MassTransit declares it (a quorum queue,
        // see KeepOffErrorQueues), or one of the two declarations fails.
        var errorQueue = ErrorQueueName(queueName);
        endpoint.BindDeadLetterQueue(errorQueue, errorQueue, q => q.SetQuorumQueue());
    }

    /// <summary>
    /// MassTransit declares <c>_error</c> and <c>_skipped</c> queues with the endpoint's queue arguments. Nothing consumes them,
    /// so a limit means nothing there, and an error queue dead-lettering into itself would be a loop; without these two
    /// arguments they also stay equal to the queues existing deployments already have.
    /// </summary>
    public static void KeepOffErrorQueues(IRabbitMqSendTopologyConfigurator sendTopology)
    {
        sendTopology.ConfigureErrorSettings = RemoveLimit;
        sendTopology.ConfigureDeadLetterSettings = RemoveLimit;
    }

    private static void RemoveLimit(IRabbitMqQueueBindingConfigurator queue)
    {
        // A null value removes the argument.
        queue.SetQueueArgument(DeliveryLimitArgument, null);
        queue.SetQueueArgument(DeadLetterExchangeArgument, null);
    }
}
