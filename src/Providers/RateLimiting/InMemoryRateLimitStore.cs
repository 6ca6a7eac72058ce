namespace VideoPlatform.Providers.RateLimiting;

/// <summary>Buckets in this process only: enough for one instance of each service, and for tests.</summary>
public sealed class InMemoryRateLimitStore(TimeProvider time) : IRateLimitStore
{
    private readonly Dictionary<string, Bucket> _buckets = [];
    private readonly Lock _gate = new();

    public Task<TimeSpan> TryTakeAsync(string key, RateBudget budget, ProviderCallKind kind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var bucket = _buckets.TryGetValue(key, out var found) ? found : _buckets[key] = new Bucket(budget.Capacity, now, DateTimeOffset.MinValue);
            if (now < bucket.BlockedUntil)
                return Task.FromResult(bucket.BlockedUntil - now);

            var available = Math.Min(budget.Capacity, bucket.Tokens + (now - bucket.RefilledAt).TotalSeconds * budget.TokensPerSecond);
            var granted = available >= budget.Needed(kind);
            _buckets[key] = bucket with { Tokens = granted ? available - 1 : available, RefilledAt = now };
            return Task.FromResult(granted ? TimeSpan.Zero : budget.TimeUntil(available, kind));
        }
    }

    public Task SlowDownAsync(string key, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var until = now + retryAfter;
            _buckets[key] = _buckets.TryGetValue(key, out var bucket)
                ? bucket with { Tokens = 0, RefilledAt = until, BlockedUntil = until > bucket.BlockedUntil ? until : bucket.BlockedUntil }
                : new Bucket(0, until, until);
        }
        return Task.CompletedTask;
    }

    private sealed record Bucket(double Tokens, DateTimeOffset RefilledAt, DateTimeOffset BlockedUntil);
}
