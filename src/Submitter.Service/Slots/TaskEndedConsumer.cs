using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter.Slots;

/// <summary>A task that ended at its provider, whichever way, gives its slot back, and the line moves at once.</summary>
public sealed class TaskEndedConsumer(SlotLine line, SlotDispatcher dispatcher) :
    IConsumer<TaskCompleted>, IConsumer<TaskFailed>, IConsumer<TaskCanceled>
{
    public Task Consume(ConsumeContext<TaskCompleted> context) => EndAsync(context.Message.RequestId, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskFailed> context) => EndAsync(context.Message.RequestId, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCanceled> context) => EndAsync(context.Message.RequestId, context.CancellationToken);

    private async Task EndAsync(Guid requestId, CancellationToken ct)
    {
        if (await line.EndAsync(requestId, ct) is not null)
            dispatcher.Wake();
    }
}
