using Microsoft.Extensions.Logging;

namespace VideoPlatform.Submitter.Intake;

/// <summary>
/// Proof that the delivery working on a request is alive: renews the record's lease every quarter of its length
/// until disposed. A renewal that fails for a database fault is tried again at the next tick (the sweeper does not
/// judge leases while the database is unreachable); one that finds the claim gone marks the lease lost.
/// </summary>
public sealed class SubmissionLease : IAsyncDisposable
{
    private readonly SubmissionStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewing;

    public SubmissionLease(Guid requestId, Guid owner, TimeSpan length, SubmissionStore store, TimeProvider time, ILogger logger)
    {
        RequestId = requestId;
        Owner = owner;
        Length = length;
        _store = store;
        _time = time;
        _logger = logger;
        _renewing = RenewUntilStoppedAsync();
    }

    public Guid RequestId { get; }
    public Guid Owner { get; }
    public TimeSpan Length { get; }

    /// <summary>Canceled when a renewal found that this owner no longer holds the request.</summary>
    public CancellationToken Lost => _lost.Token;

    private async Task RenewUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(Length / 4, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    if (await _store.RenewAsync(RequestId, Owner, _time.GetUtcNow(), Length, _stop.Token))
                        continue;
                    _logger.LogWarning("Request {RequestId} is no longer held by this delivery; it stops before any further provider call", RequestId);
                    await _lost.CancelAsync();
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogWarning(e, "Could not renew the lease on {RequestId}; trying again at the next tick", RequestId);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        _lost.Dispose();
    }
}
