using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter.Slots;

/// <summary>A task that ended at its provider, whichever way, gives its slot back, and the line moves at once; a request canceled while it waited leaves the line.</summary>
public sealed class TaskEndedConsumer(SlotLine line, SlotDispatcher dispatcher, TimeProvider time) :
    IConsumer<TaskCompleted>, IConsumer<TaskFailed>, IConsumer<TaskCanceled>
{
    public Task Consume(ConsumeContext<TaskCompleted> context) => EndAsync(context.Message.RequestId, context.Message.ProviderTaskId, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskFailed> context) => EndAsync(context.Message.RequestId, context.Message.ProviderTaskId, context.CancellationToken);

    /// <summary>A request canceled while it waited leaves the line; the cancel was its answer.</summary>
    public async Task Consume(ConsumeContext<TaskCanceled> context)
    {
        await line.LeaveAsync(context.Message.RequestId, CanceledCode, "canceled by the caller while it waited for a provider slot",
            announced: true, time.GetUtcNow(), context.CancellationToken);
        await EndAsync(context.Message.RequestId, context.Message.ProviderTaskId, context.CancellationToken);
    }

    /// <summary>The record's code for a request canceled in line; only a command published again after the cancel replays it.</summary>
    public const string CanceledCode = "canceled";

    private async Task EndAsync(Guid requestId, string? providerTaskId, CancellationToken ct)
    {
        if (await line.EndAsync(requestId, providerTaskId, ct) is not null)
            dispatcher.Wake();
    }
}
