using VideoPlatform.Poller.DueChecks;

namespace VideoPlatform.Poller.Tests;

public class When_checks_go_unanswered
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan DeadAfter = TimeSpan.FromMinutes(2);

    [Fact]
    public void Should_say_the_consumers_are_dead_once_nothing_was_consumed_for_the_whole_time()
    {
        var checks = new UnansweredChecks(DeadAfter);
        var lastChange = Start.AddMinutes(-5);

        checks.ConsumersLookDead(14, lastChange, Start).ShouldBeFalse();
        checks.ConsumersLookDead(14, lastChange, Start.AddMinutes(1)).ShouldBeFalse();
        checks.ConsumersLookDead(14, lastChange, Start.AddMinutes(2)).ShouldBeTrue();
    }

    [Fact]
    public void Should_watch_again_from_any_message_taken()
    {
        var checks = new UnansweredChecks(DeadAfter);

        checks.ConsumersLookDead(3, Start.AddMinutes(-5), Start).ShouldBeFalse();
        // It took a message meanwhile: its consumers work, even if these three stay unanswered.
        checks.ConsumersLookDead(3, Start.AddSeconds(30), Start.AddMinutes(1)).ShouldBeFalse();
        checks.ConsumersLookDead(3, Start.AddSeconds(30), Start.AddMinutes(2.5)).ShouldBeFalse();
        checks.ConsumersLookDead(3, Start.AddSeconds(30), Start.AddMinutes(3)).ShouldBeTrue();
    }

    [Fact]
    public void Should_keep_watching_through_rounds_that_claim_nothing_again()
    {
        var checks = new UnansweredChecks(DeadAfter);
        var lastChange = Start.AddMinutes(-5);

        checks.ConsumersLookDead(2, lastChange, Start).ShouldBeFalse();
        // Checks time out one by one: most rounds in between find none.
        checks.ConsumersLookDead(0, lastChange, Start.AddMinutes(1)).ShouldBeFalse();
        checks.ConsumersLookDead(0, lastChange, Start.AddMinutes(2.5)).ShouldBeFalse();
        checks.ConsumersLookDead(2, lastChange, Start.AddMinutes(3)).ShouldBeTrue();
    }

    [Fact]
    public void Should_wait_four_check_timeouts_and_two_minutes_at_least()
    {
        UnansweredChecks.ForCheckTimeout(TimeSpan.FromSeconds(5)).DeadAfter.ShouldBe(TimeSpan.FromMinutes(2));
        UnansweredChecks.ForCheckTimeout(TimeSpan.FromMinutes(1)).DeadAfter.ShouldBe(TimeSpan.FromMinutes(4));
    }
}
