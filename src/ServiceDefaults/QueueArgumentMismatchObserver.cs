using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// A queue declared before <c>RabbitMq:DeliveryLimit</c> existed cannot take its new arguments: RabbitMQ refuses the
/// declaration (PRECONDITION_FAILED, inequivalent arg) and the endpoint retries forever without consuming. MassTransit
/// logs that as a transport fault among others; this says, once per endpoint, what it means and how to upgrade.
/// </summary>
public sealed class QueueArgumentMismatchObserver(ILogger<QueueArgumentMismatchObserver> logger) : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<Uri, bool> _reported = new();

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        if (IsDeliveryLimitMismatch(faulted.Exception) && _reported.TryAdd(faulted.InputAddress, true))
            logger.LogCritical(faulted.Exception,
                "Queue {InputAddress} was declared before it had a delivery limit, and RabbitMQ cannot add one to an existing " +
                "queue: the endpoint consumes nothing. Either set RabbitMq__DeliveryLimit=0 and give the queue its limit with a " +
                "broker policy, or drain and delete the queue so that it is declared again", faulted.InputAddress);
        return Task.CompletedTask;
    }

    /// <summary>RabbitMQ's 406 for the two arguments the delivery limit adds, anywhere in the exception chain.</summary>
    public static bool IsDeliveryLimitMismatch(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDeliveryLimitMismatch))
                return true;
            if (e.Message.Contains("PRECONDITION_FAILED", StringComparison.Ordinal) &&
                (e.Message.Contains(QuorumDeliveryLimit.DeliveryLimitArgument, StringComparison.Ordinal) ||
                 e.Message.Contains(QuorumDeliveryLimit.DeadLetterExchangeArgument, StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    public Task Ready(ReceiveEndpointReady ready) => Task.CompletedTask;

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
}
