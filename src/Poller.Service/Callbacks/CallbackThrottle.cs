using Microsoft.Extensions.Options;
using VideoPlatform.Providers.Callbacks;

namespace VideoPlatform.Poller.Callbacks;

/// <summary>
/// At most one early check per task per <see cref="CallbackOptions.MinSecondsBetweenChecks"/>: the only rule on how
/// often a callback may make the saga ask the provider (the saga asks on every callback it is given). Per poller
/// instance, so N instances allow up to N checks per interval; each one is still a signed call for a real task.
/// </summary>
public sealed class CallbackThrottle(IOptions<CallbackOptions> options, TimeProvider time)
{
    private readonly Dictionary<Guid, DateTimeOffset> _lastAdmitted = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>True when this task's callback may publish now; false when one did within the interval.</summary>
    public bool TryAdmit(Guid requestId)
    {
        var interval = options.Value.MinTimeBetweenChecks;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            SweepIfDue(now, interval);
            if (_lastAdmitted.TryGetValue(requestId, out var last) && now - last < interval)
                return false;
            _lastAdmitted[requestId] = now;
            return true;
        }
    }

    /// <summary>Entries older than the interval decide nothing any more: dropped once per interval, so memory follows recent callbacks only.</summary>
    private void SweepIfDue(DateTimeOffset now, TimeSpan interval)
    {
        if (now - _lastSweep < interval)
            return;
        foreach (var (id, at) in _lastAdmitted)
            if (now - at >= interval)
                _lastAdmitted.Remove(id);
        _lastSweep = now;
    }
}
