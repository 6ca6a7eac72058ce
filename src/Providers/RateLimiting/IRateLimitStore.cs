namespace VideoPlatform.Providers.RateLimiting;

/// <summary>
/// Where a key's bucket lives. In memory for one process; in PostgreSQL when several services and instances
/// share a provider key, so together they stay within its limit.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>Takes one token if the bucket has enough for this kind of call; otherwise says how long to wait.</summary>
    /// <returns><see cref="TimeSpan.Zero"/> when the token was taken.</returns>
    Task<TimeSpan> TryTakeAsync(string key, RateBudget budget, ProviderCallKind kind, CancellationToken cancellationToken);

    /// <summary>The provider answered 429: nobody calls with this key until <paramref name="retryAfter"/> has passed.</summary>
    Task SlowDownAsync(string key, TimeSpan retryAfter, CancellationToken cancellationToken);
}
