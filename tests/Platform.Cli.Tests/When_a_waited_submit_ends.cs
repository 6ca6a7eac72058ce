using VideoPlatform.Contracts;

namespace VideoPlatform.Cli.Tests;

/// <summary>How <c>submit --wait</c> ends for each final event: exit code, paths on stdout, reason on stderr.</summary>
public sealed class When_a_waited_submit_ends
{
    private static readonly Guid Id = Guid.NewGuid();

    [Fact]
    public void Should_exit_0_and_print_every_archived_path()
    {
        var archived = new VideoArchived
        {
            RequestId = Id, Provider = "evolink", Model = "m", ProviderTaskId = "t", ArchivedAt = DateTimeOffset.UtcNow,
            Videos = [Video("/archive/a.mp4"), Video("/archive/b.mp4")],
        };

        var outcome = SubmitOutcome.For(archived);

        outcome.ExitCode.ShouldBe(ExitCodes.Archived);
        outcome.Output.ShouldBe(["/archive/a.mp4", "/archive/b.mp4"]);
        outcome.Message.ShouldBeNull();
    }

    [Fact]
    public void Should_exit_4_when_the_task_was_canceled_instead_of_waiting_out_its_timeout()
    {
        var canceled = new TaskCanceled
        {
            RequestId = Id, Provider = "evolink", ProviderTaskId = "task-9", ProviderCancelCalled = false, Note = "n",
            CanceledAt = DateTimeOffset.UtcNow,
        };

        var outcome = SubmitOutcome.For(canceled);

        outcome.ExitCode.ShouldBe(ExitCodes.Canceled);
        outcome.Output.ShouldBeEmpty();
        outcome.Message.ShouldBe("canceled at evolink (task task-9)");
    }

    [Fact]
    public void Should_exit_1_with_the_code_and_reason_when_archiving_failed()
    {
        var failed = new ArchiveFailed
        {
            RequestId = Id, Provider = "evolink", ProviderTaskId = "t", SourceUrl = "https://x/v.mp4",
            ReasonCode = ArchiveFailureReasons.LinkExpired, Reason = "source answered 404", FailedAt = DateTimeOffset.UtcNow,
        };

        var outcome = SubmitOutcome.For(failed);

        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Message.ShouldBe("archive failed: link_expired: source answered 404");
    }

    [Fact]
    public void Should_exit_1_with_the_reason_when_the_request_was_rejected()
    {
        var rejected = new GenerateVideoRejected { RequestId = Id, Violations = [], Reason = "duration must be 5 or 10", RejectedAt = DateTimeOffset.UtcNow };

        var outcome = SubmitOutcome.For(rejected);

        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Message.ShouldBe("rejected: duration must be 5 or 10");
    }

    private static ArchivedVideo Video(string path) => new() { Path = path, SizeBytes = 1, Sha256 = "00", SourceUrl = "https://x/v.mp4" };
}
