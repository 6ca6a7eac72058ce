namespace VideoPlatform.Providers.RateLimiting;

/// <summary>
/// A token bucket sized so that no 60-second window, sliding or fixed, ever holds more calls than the provider
/// allows: it refills at 90% of the limit and holds 5% of it, so the worst minute (a full bucket, then a
/// minute of refill) comes to 95%. The rest is margin for clock and network jitter.
/// </summary>
/// <param name="QueryReserve">Tokens a status query must leave in the bucket, so a submit arriving next finds one at once.</param>
public sealed record RateBudget(double TokensPerSecond, double Capacity, double QueryReserve)
{
    public static RateBudget ForRequestsPerMinute(int requestsPerMinute)
    {
        var capacity = Math.Max(1, Math.Floor(requestsPerMinute * 0.05));
        return new RateBudget(requestsPerMinute * 0.9 / 60, capacity, Math.Floor(capacity / 2));
    }

    /// <summary>Tokens a call of this kind needs to find in the bucket (it then takes one).
    /// Less a hair, so a bucket refilled for exactly the computed wait is not refused over a rounding error.</summary>
    public double Needed(ProviderCallKind kind) => (kind == ProviderCallKind.Submit ? 1 : 1 + QueryReserve) - 1e-6;

    /// <summary>How long until a bucket holding <paramref name="available"/> has enough for this kind.
    /// Never zero: zero means "granted", and a shortfall of a rounding error must still wait a moment.</summary>
    public TimeSpan TimeUntil(double available, ProviderCallKind kind)
    {
        var wait = TimeSpan.FromTicks((long)Math.Ceiling(Math.Max(0, Needed(kind) - available) / TokensPerSecond * TimeSpan.TicksPerSecond));
        return wait < MinimumWait ? MinimumWait : wait;
    }

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);
}
