namespace ProviderSimulator.Tests.Support;

/// <summary>A clock that moves only when told, so minute-long windows are tested without waiting a minute.</summary>
public sealed class ManualClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private long ticks = Start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    public void AdvanceTo(DateTimeOffset at) => Interlocked.Exchange(ref ticks, at.UtcTicks);

    public void AdvanceSeconds(double seconds) => Advance(TimeSpan.FromSeconds(seconds));
}
