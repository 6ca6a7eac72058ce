using Microsoft.Extensions.Logging;

namespace VideoPlatform.Providers.RateLimiting;

/// <summary>
/// The callers waiting for one key, best first, and the single loop that takes tokens from the store for them.
/// One loop per key and process keeps store round trips to about one per granted call.
/// </summary>
internal sealed class KeyTurns(string key, IRateLimitStore store, TimeProvider time, ILogger logger)
{
    /// <summary>Sleeps are capped so a submit arriving while the loop waits on a query's larger need is not held long.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMilliseconds(250);

    private readonly PriorityQueue<Waiter, (int Kind, long LikelyDoneAt, long Arrival)> _waiting = new();
    private readonly Lock _gate = new();
    private RateBudget? _budget;
    private bool _pumping;
    private long _arrivals;

    public Task WaitAsync(RateBudget budget, ProviderCallKind kind, DateTimeOffset likelyDoneAt, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(kind, time.GetUtcNow());
        if (cancellationToken.CanBeCanceled)
            waiter.Cancellation = cancellationToken.Register(() => waiter.Turn.TrySetCanceled(cancellationToken));
        lock (_gate)
        {
            _budget = budget;
            _waiting.Enqueue(waiter, ((int)kind, likelyDoneAt.UtcTicks, _arrivals++));
            if (!_pumping)
            {
                _pumping = true;
                _ = Task.Run(PumpAsync, CancellationToken.None);
            }
        }
        return waiter.Turn.Task;
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            Waiter best;
            RateBudget budget;
            lock (_gate)
            {
                if (!TryPeekLive(out best))
                {
                    _pumping = false;
                    return;
                }
                budget = _budget!;
            }

            TimeSpan wait;
            try
            {
                wait = await store.TryTakeAsync(key, budget, best.Kind, CancellationToken.None);
            }
            catch (Exception e)
            {
                // The store is down (a database restart): nobody may call until it is back, or the limit means nothing.
                logger.LogWarning(e, "Rate limit store unavailable for {Key}; retrying", key);
                wait = TimeSpan.FromSeconds(1);
            }

            if (wait == TimeSpan.Zero)
            {
                lock (_gate)
                {
                    // Whoever is best now gets the token: a submit that arrived meanwhile needs no more than the query did.
                    if (TryPeekLive(out var next))
                    {
                        _waiting.Dequeue();
                        RateLimitMetrics.Waited(key, next.Kind, time.GetUtcNow() - next.ArrivedAt);
                        next.Cancellation.Dispose();
                        next.Turn.TrySetResult();
                    }
                }
                continue;
            }
            await Task.Delay(wait < MaxSleep ? wait : MaxSleep, time);
        }
    }

    /// <summary>Drops callers who gave up, then shows the best one still waiting. Call under the lock.</summary>
    private bool TryPeekLive(out Waiter waiter)
    {
        while (_waiting.TryPeek(out waiter!, out _))
        {
            if (!waiter.Turn.Task.IsCompleted)
                return true;
            _waiting.Dequeue();
            waiter.Cancellation.Dispose();
        }
        return false;
    }

    private sealed class Waiter(ProviderCallKind kind, DateTimeOffset arrivedAt)
    {
        public ProviderCallKind Kind { get; } = kind;
        public DateTimeOffset ArrivedAt { get; } = arrivedAt;
        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenRegistration Cancellation { get; set; }
    }
}
