using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.Tests;

public class When_nudges_go_unanswered
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan DeadAfter = TimeSpan.FromMinutes(2);

    [Fact]
    public void Should_say_the_consumers_are_dead_once_no_task_changed_for_the_whole_time()
    {
        var nudges = new UnansweredNudges(DeadAfter);
        var lastChange = Start.AddMinutes(-5);

        nudges.ConsumersLookDead(14, lastChange, Start).ShouldBeFalse();
        nudges.ConsumersLookDead(14, lastChange, Start.AddMinutes(1)).ShouldBeFalse();
        nudges.ConsumersLookDead(14, lastChange, Start.AddMinutes(2)).ShouldBeTrue();
    }

    [Fact]
    public void Should_watch_again_from_any_task_change()
    {
        var nudges = new UnansweredNudges(DeadAfter);

        nudges.ConsumersLookDead(3, Start.AddMinutes(-5), Start).ShouldBeFalse();
        // Another task moved meanwhile: something consumes, even if these three stay stuck.
        nudges.ConsumersLookDead(3, Start.AddSeconds(30), Start.AddMinutes(1)).ShouldBeFalse();
        nudges.ConsumersLookDead(3, Start.AddSeconds(30), Start.AddMinutes(2.5)).ShouldBeFalse();
        nudges.ConsumersLookDead(3, Start.AddSeconds(30), Start.AddMinutes(3)).ShouldBeTrue();
    }

    [Fact]
    public void Should_forget_the_watch_when_nothing_needs_nudging()
    {
        var nudges = new UnansweredNudges(DeadAfter);
        var lastChange = Start.AddMinutes(-5);

        nudges.ConsumersLookDead(2, lastChange, Start).ShouldBeFalse();
        nudges.ConsumersLookDead(0, lastChange, Start.AddMinutes(1)).ShouldBeFalse();
        nudges.ConsumersLookDead(2, lastChange, Start.AddMinutes(2)).ShouldBeFalse();
        nudges.ConsumersLookDead(2, lastChange, Start.AddMinutes(4)).ShouldBeTrue();
    }
}
