using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// The watchdog nudges open tasks untouched for <see cref="PollingOptions.StalledAfter"/>. Any wait the planner may
/// schedule must be shorter, or healthy tasks are nudged and spend rate-limited queries.
/// </summary>
public class When_deciding_a_task_has_stalled
{
    public static TheoryData<string, PollingOptions> Settings() => new()
    {
        { "defaults", new PollingOptions() },
        // What scripts/crash-test.sh sets: a short watchdog with the default aimed wait.
        { "crash test", new PollingOptions { FirstRecheckSeconds = 2, RecheckIntervalSeconds = 2, MaxRecheckIntervalSeconds = 4, CheckTimeoutSeconds = 20, StalledAfterSeconds = 15 } },
        { "fixed, slow", new PollingOptions { Strategy = PollingStrategy.Fixed, FirstRecheckSeconds = 600, RecheckIntervalSeconds = 900 } },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Should_wait_longer_than_any_wait_the_planner_schedules(string name, PollingOptions polling)
    {
        var now = new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
        var longest = TimeSpan.Zero;
        foreach (var source in Enum.GetValues<ExpectationSource>())
        foreach (var aheadSeconds in new[] { 0, 10, 100, 1_000, 100_000 })
        foreach (var scarce in new[] { false, true })
        foreach (var random in new[] { 0.0, 0.5, 1.0 })
        foreach (var retryAfter in new TimeSpan?[] { null, TimeSpan.FromSeconds(30), TimeSpan.FromHours(2) })
        {
            var saga = new VideoTaskState { SubmittedAt = now, ExpectedDoneAt = now.AddSeconds(aheadSeconds), ExpectedFrom = source, ChecksPastExpected = 20 };
            var first = RecheckPlanner.FirstDelay(saga, polling, now, random, scarce);
            var next = RecheckPlanner.NextDelay(saga, polling, now, retryAfter, random, scarce);
            longest = new[] { longest, first, next, polling.CheckTimeout }.Max();
        }

        polling.StalledAfter.ShouldBeGreaterThan(longest, $"{name}: a healthy task waiting {longest} would be nudged");
    }

    [Fact]
    public void Should_keep_a_setting_longer_than_the_longest_wait()
    {
        new PollingOptions { StalledAfterSeconds = 3600 }.StalledAfter.ShouldBe(TimeSpan.FromHours(1));
    }
}
