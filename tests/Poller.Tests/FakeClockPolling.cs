using Microsoft.Extensions.Time.Testing;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.Tests;

/// <summary>Settings and a clock for saga tests that move time themselves: every wait is whole seconds, without jitter.</summary>
internal static class FakeClockPolling
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan FirstCheck = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    public static FakeTimeProvider NewClock() => new(Start);

    public static void FixedChecks(PollingOptions o)
    {
        o.Strategy = PollingStrategy.Fixed;
        o.FirstRecheckSeconds = FirstCheck.TotalSeconds;
        o.RecheckIntervalSeconds = FirstCheck.TotalSeconds;
        o.MaxRecheckIntervalSeconds = FirstCheck.TotalSeconds;
        o.MaxAimedWaitSeconds = FirstCheck.TotalSeconds;
        o.CheckTimeoutSeconds = 5;
        o.DeadlineMinutes = Deadline.TotalMinutes;
    }
}
