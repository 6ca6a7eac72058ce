using System.Collections.Concurrent;
using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// Stands in for the status checker in saga tests: answers each CheckTaskStatus with the next scripted
/// provider state for that request; the last one repeats.
/// </summary>
/// <param name="time">The clock each answer's <see cref="TaskStatusObserved.ObservedAt"/> is read from.</param>
public sealed class ScriptedProvider(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<TaskStatusObserved>> _scripts = new();

    public void Script(Guid requestId, params (ProviderTaskState State, int? Progress)[] answers) =>
        Script(requestId, answers.Select(a => Observed(requestId, a.State, a.Progress)).ToArray());

    public void Script(Guid requestId, params TaskStatusObserved[] answers) =>
        _scripts[requestId] = new ConcurrentQueue<TaskStatusObserved>(answers);

    public TaskStatusObserved Next(Guid requestId)
    {
        var queue = _scripts[requestId];
        if (queue.Count > 1 && queue.TryDequeue(out var next))
            return next with { ObservedAt = time.GetUtcNow() };
        queue.TryPeek(out var last);
        return last! with { ObservedAt = time.GetUtcNow() };
    }

    public static TaskStatusObserved Observed(Guid requestId, ProviderTaskState state, int? progress = null) => new()
    {
        RequestId = requestId,
        State = state,
        RawStatus = state.ToString().ToLowerInvariant(),
        ProgressPercent = progress,
        Videos = state == ProviderTaskState.Succeeded ? [new VideoResult { Url = $"http://videos.test/{requestId}.mp4" }] : [],
        ObservedAt = DateTimeOffset.UtcNow,
    };

    public static readonly VideoResult[] NoVideos = [];
}

public sealed class ScriptedStatusConsumer(ScriptedProvider provider) : IConsumer<CheckTaskStatus>
{
    public Task Consume(ConsumeContext<CheckTaskStatus> context) =>
        context.Publish(provider.Next(context.Message.RequestId));
}
