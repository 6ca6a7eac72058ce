namespace VideoPlatform.Cli.Tests;

/// <summary>Which poller answers end <c>watch</c>, with what exit code and what it prints.</summary>
public sealed class When_a_watched_request_ends
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Fact]
    public void Should_exit_0_with_every_archived_path_once_the_videos_are_archived()
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.Archived("/archive/a.mp4", "/archive/b.mp4"), TimeSpan.Zero, Grace);

        // Assert
        outcome.Finished.ShouldBeTrue();
        outcome.ExitCode.ShouldBe(ExitCodes.Archived);
        outcome.Output.ShouldBe(["/archive/a.mp4", "/archive/b.mp4"]);
        outcome.Message.ShouldBeNull();
    }

    [Fact]
    public void Should_keep_waiting_while_a_completed_request_is_not_archived_yet()
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.Of(VideoTaskStates.Completed, 100), TimeSpan.Zero, Grace);

        // Assert
        outcome.Finished.ShouldBeFalse();
        outcome.Message.ShouldBeNull();
    }

    [Fact]
    public void Should_fail_with_the_archivers_code_and_reason_when_archiving_failed()
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.ArchiveFailed(), TimeSpan.Zero, Grace);

        // Assert
        outcome.Finished.ShouldBeTrue();
        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Message.ShouldBe("archive failed: link_expired: the link answered 403");
        outcome.Output.ShouldBeEmpty();
    }

    [Fact]
    public void Should_report_the_archived_videos_when_the_answer_also_carries_an_archive_failure()
    {
        // Arrange
        var status = Statuses.Archived("/archive/a.mp4") with { ArchiveFailureCode = ArchiveFailureReasons.TimedOut };

        // Act
        var outcome = WatchDecision.Decide(status, TimeSpan.Zero, Grace);

        // Assert
        outcome.ExitCode.ShouldBe(ExitCodes.Archived);
        outcome.Output.ShouldBe(["/archive/a.mp4"]);
    }

    [Fact]
    public void Should_fail_with_the_failure_code_and_reason_when_the_task_failed()
    {
        // Arrange
        var status = Statuses.Of(VideoTaskStates.Failed, 30) with
        {
            FailureCode = FailureReasons.ProviderFailed,
            FailureReason = "evolink failed the task: content policy",
        };

        // Act
        var outcome = WatchDecision.Decide(status, TimeSpan.Zero, Grace);

        // Assert
        outcome.Finished.ShouldBeTrue();
        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Message.ShouldBe($"failed: {FailureReasons.ProviderFailed}: evolink failed the task: content policy");
    }

    [Fact]
    public void Should_fail_at_once_with_the_reason_when_the_request_was_rejected()
    {
        // Arrange
        var status = Statuses.Of(VideoTaskStates.Rejected) with
        {
            FailureCode = VideoTaskStates.Rejected,
            FailureReason = "duration: must be 5 or 10",
        };

        // Act
        var outcome = WatchDecision.Decide(status, TimeSpan.Zero, Grace);

        // Assert
        outcome.Finished.ShouldBeTrue("a rejection is final; no grace period is waited out");
        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Message.ShouldBe("rejected: duration: must be 5 or 10");
    }

    [Fact]
    public void Should_still_say_failed_when_the_failure_has_no_code_or_reason()
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.Of(VideoTaskStates.Failed), TimeSpan.Zero, Grace);

        // Assert
        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Message.ShouldBe("failed");
    }

    [Fact]
    public void Should_exit_with_the_canceled_code_and_say_so_when_the_request_was_canceled()
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.Of(VideoTaskStates.Canceled, 40), TimeSpan.Zero, Grace);

        // Assert
        outcome.Finished.ShouldBeTrue();
        outcome.ExitCode.ShouldBe(ExitCodes.Canceled);
        outcome.ExitCode.ShouldNotBe(ExitCodes.Ok);
        outcome.Message.ShouldNotBeNull().ShouldContain("canceled");
    }

    [Theory]
    [InlineData(VideoTaskStates.Pending, null)]
    [InlineData(VideoTaskStates.Processing, 60)]
    [InlineData("an_unknown_state", null)]
    public void Should_keep_waiting_quietly_while_the_request_is_open(string state, int? progress)
    {
        // Act
        var outcome = WatchDecision.Decide(Statuses.Of(state, progress), TimeSpan.Zero, Grace);

        // Assert
        outcome.Finished.ShouldBeFalse();
        outcome.Message.ShouldBeNull();
    }
}
