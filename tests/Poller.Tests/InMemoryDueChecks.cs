using MassTransit;
using MassTransit.Saga;
using MassTransit.Testing;
using VideoPlatform.Poller.DueChecks;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// The due-check loop over the harness's in-memory sagas, claiming as <see cref="DueCheckDispatcher"/> does from the
/// saga table: a task whose <see cref="VideoTaskState.NextCheckAt"/> has passed is sent its check, and, unless its
/// saga sets a new due time meanwhile, is due again one check timeout later.
/// </summary>
public sealed class InMemoryDueChecks : IAsyncDisposable
{
    private readonly ISagaStateMachineTestHarness<VideoTaskStateMachine, VideoTaskState> _sagas;
    private readonly IQuerySagaRepository<VideoTaskState> _repository;
    private readonly IBus _bus;
    private readonly PollingOptions _polling;
    private readonly TimeProvider _time;
    private readonly Dictionary<Guid, (DateTimeOffset? Due, DateTimeOffset ClaimedUntil)> _claims = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimCount;
    private readonly Task _loop;

    public InMemoryDueChecks(
        ISagaStateMachineTestHarness<VideoTaskStateMachine, VideoTaskState> sagas, IQuerySagaRepository<VideoTaskState> repository,
        IBus bus, PollingOptions polling, TimeProvider time)
    {
        _sagas = sagas;
        _repository = repository;
        _bus = bus;
        _polling = polling;
        _time = time;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Checks sent so far, over all tasks.</summary>
    public int Claims => Volatile.Read(ref _claimCount);

    /// <summary>Completes once a whole pass over the tasks has run that began after this call (so at the clock's time now).</summary>
    public Task NextPassAsync() => Volatile.Read(ref _nextPass).Task;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var pass = Interlocked.Exchange(ref _nextPass, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            // Not the harness's saga list: its Select waits for the bus to go quiet.
            foreach (var id in await _repository.Find(new SagaQuery<VideoTaskState>(s => s.NextCheckAt != null)))
                if (_sagas.Sagas.Contains(id) is { } task)
                    await SendIfDueAsync(task);
            pass.SetResult();
            try
            {
                await Task.Delay(10, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendIfDueAsync(VideoTaskState task)
    {
        var due = task.NextCheckAt;
        var now = _time.GetUtcNow();
        // The saga has not written since the last claim: the claim's own due time holds.
        var effective = _claims.TryGetValue(task.CorrelationId, out var claim) && claim.Due == due ? claim.ClaimedUntil : due;
        if (effective is null || effective > now)
            return;
        _claims[task.CorrelationId] = (due, now + _polling.CheckTimeout);
        Interlocked.Increment(ref _claimCount);
        await _bus.Publish(DueCheckDispatcher.CheckFor(task, _polling, now));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _nextPass.TrySetCanceled();
        _stop.Dispose();
    }
}
