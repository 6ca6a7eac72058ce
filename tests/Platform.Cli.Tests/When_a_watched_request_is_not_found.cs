namespace VideoPlatform.Cli.Tests;

/// <summary>
/// A just-published request is unknown to the poller until the provider accepts it, so "not found" is only an
/// ending once it has lasted the grace period.
/// </summary>
public sealed class When_a_watched_request_is_not_found
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0)]
    [InlineData(29.9)]
    public void Should_keep_waiting_within_the_grace_period_and_say_why(double seconds)
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.Of(VideoTaskStates.NotFound), TimeSpan.FromSeconds(seconds), Grace);

        // Assert
        outcome.Finished.ShouldBeFalse();
        outcome.Message.ShouldNotBeNull().ShouldContain("does not track request");
        outcome.Message.ShouldContain("30 s");
    }

    [Theory]
    [InlineData(30)]
    [InlineData(120)]
    public void Should_fail_with_the_not_found_exit_code_once_the_grace_period_is_over(double seconds)
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.Of(VideoTaskStates.NotFound), TimeSpan.FromSeconds(seconds), Grace);

        // Assert
        outcome.Finished.ShouldBeTrue();
        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Message.ShouldNotBeNull().ShouldStartWith("not found:");
        outcome.Message.ShouldContain(Statuses.RequestId.ToString());
    }

    [Fact]
    public void Should_fail_on_the_first_answer_when_there_is_no_grace()
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.Of(VideoTaskStates.NotFound), TimeSpan.Zero, TimeSpan.Zero);

        // Assert
        outcome.Finished.ShouldBeTrue();
        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
    }
}
