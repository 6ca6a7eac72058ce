namespace VideoPlatform.ServiceDefaults.Tests;

public class When_a_queue_was_declared_without_a_delivery_limit
{
    // The broker's answer as RabbitMQ 3.10 gives it when an existing queue is declared with the new arguments.
    private const string BrokerAnswer =
        "The AMQP operation was interrupted: AMQP close-reason, initiated by Peer, code=406, text='PRECONDITION_FAILED - " +
        "inequivalent arg 'x-dead-letter-exchange' for queue 'generate-video' in vhost '/': received the value " +
        "'generate-video_error' of type 'longstr' but current is none', classId=50, methodId=10";

    [Fact]
    public void Should_recognise_the_brokers_refusal_inside_the_transport_fault()
    {
        var fault = new AggregateException(new InvalidOperationException("ReceiveTransport faulted", new Exception(BrokerAnswer)));

        QueueArgumentMismatchObserver.IsDeliveryLimitMismatch(fault).ShouldBeTrue();
    }

    [Fact]
    public void Should_not_mistake_another_precondition_failure_for_it()
    {
        var other = new Exception("PRECONDITION_FAILED - inequivalent arg 'durable' for exchange 'generate-video'");

        QueueArgumentMismatchObserver.IsDeliveryLimitMismatch(other).ShouldBeFalse();
    }
}
