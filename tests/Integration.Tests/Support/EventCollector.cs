using System.Collections.Concurrent;
using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>Subscribes to every platform event on a temporary queue, the way a calling service would.</summary>
public sealed class EventCollector
{
    private readonly ConcurrentQueue<object> _events = new();

    public void Configure(IRabbitMqBusFactoryConfigurator cfg) =>
        cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
        {
            Collect<TaskQueued>(e);
            Collect<TaskSubmitted>(e);
            Collect<TaskRerouted>(e);
            Collect<TaskProgressed>(e);
            Collect<TaskCompleted>(e);
            Collect<TaskFailed>(e);
            Collect<TaskCanceled>(e);
            Collect<GenerateVideoRejected>(e);
            Collect<VideoArchived>(e);
            Collect<ArchiveFailed>(e);
        });

    public IReadOnlyList<T> All<T>(Guid requestId) where T : class =>
        _events.OfType<T>().Where(m => RequestIdOf(m) == requestId).ToList();

    /// <summary>Every event of the request, in the order they arrived on the one queue.</summary>
    public IReadOnlyList<object> InOrder(Guid requestId) =>
        _events.Where(m => RequestIdOf(m) == requestId).ToList();

    public async Task<T> WaitForAsync<T>(Guid requestId, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (All<T>(requestId).FirstOrDefault() is { } found)
                return found;
            await Task.Delay(50);
        }
        var seen = string.Join(", ", _events.Where(m => RequestIdOf(m) == requestId).Select(m => m.GetType().Name));
        throw new TimeoutException($"no {typeof(T).Name} for {requestId}; saw: [{seen}]");
    }

    private void Collect<T>(IReceiveEndpointConfigurator endpoint) where T : class =>
        endpoint.Handler<T>(context =>
        {
            _events.Enqueue(context.Message);
            return Task.CompletedTask;
        });

    private static Guid? RequestIdOf(object message) =>
        (Guid?)message.GetType().GetProperty(nameof(TaskSubmitted.RequestId))?.GetValue(message);
}
