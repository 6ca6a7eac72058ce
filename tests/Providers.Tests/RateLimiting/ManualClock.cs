namespace VideoPlatform.Providers.Tests.RateLimiting;

/// <summary>A clock that moves only when told to, for the store's arithmetic (it sets no timers).</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
