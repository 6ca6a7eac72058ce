using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>
/// Listens on a temporary queue (deleted when the CLI exits) for the events of one request and completes
/// with the terminal one.
/// </summary>
internal sealed class RequestFollower(Guid requestId, Action<string> report)
{
    private readonly TaskCompletionSource<object> _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<object> Terminal => _terminal.Task;

    public void Configure(IRabbitMqBusFactoryConfigurator cfg) =>
        cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
        {
            e.Handler<TaskSubmitted>(c => Mine(c.Message.RequestId, () =>
                report($"submitted to {c.Message.Provider} {c.Message.Model} as task {c.Message.ProviderTaskId}")));
            e.Handler<TaskProgressed>(c => Mine(c.Message.RequestId, () =>
                report($"{c.Message.State}{(c.Message.ProgressPercent is { } p ? $" {ProgressBar(p)} {p}%" : "")}")));
            e.Handler<TaskCompleted>(c => Mine(c.Message.RequestId, () =>
                report($"generated {c.Message.Videos.Count} video(s); archiving")));
            e.Handler<VideoArchived>(c => Mine(c.Message.RequestId, () => _terminal.TrySetResult(c.Message)));
            e.Handler<TaskFailed>(c => Mine(c.Message.RequestId, () => _terminal.TrySetResult(c.Message)));
            e.Handler<GenerateVideoRejected>(c => Mine(c.Message.RequestId, () => _terminal.TrySetResult(c.Message)));
            e.Handler<ArchiveFailed>(c => Mine(c.Message.RequestId, () => _terminal.TrySetResult(c.Message)));
            e.Handler<TaskCanceled>(c => Mine(c.Message.RequestId, () => _terminal.TrySetResult(c.Message)));
        });

    private Task Mine(Guid id, Action action)
    {
        if (id == requestId)
            action();
        return Task.CompletedTask;
    }

    private static string ProgressBar(int percent)
    {
        var filled = Math.Clamp(percent, 0, 100) / 5;
        return "[" + new string('#', filled) + new string('.', 20 - filled) + "]";
    }
}
