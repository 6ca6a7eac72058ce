using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using static VideoPlatform.Poller.Tests.ScriptedProvider;

namespace VideoPlatform.Poller.Tests;

public class When_a_task_is_submitted
{
    [Fact]
    public async Task Should_be_pending_and_ask_the_provider_after_the_first_delay()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Pending, null));

        await host.SubmitAsync(id);

        var check = await host.PublishedAsync<CheckTaskStatus>(id);
        check.ProviderTaskId.ShouldBe($"task-{id:N}");
        var saga = await host.SagaInStateAsync(id, m => m.Pending);
        saga.Provider.ShouldBe("modellix");
        saga.NextCheckAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Should_ignore_a_duplicate_submitted_event()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Pending, null));

        await host.SubmitAsync(id);
        var saga = await host.SagaInStateAsync(id, m => m.Pending);
        var submittedAt = saga.SubmittedAt;
        var duplicate = NewId.NextGuid();

        await host.Harness.Bus.Publish(new TaskSubmitted
        {
            RequestId = id, Provider = "modellix", Model = "kling-v3-i2v", ProviderTaskId = $"task-{id:N}", SubmittedAt = submittedAt.AddMinutes(1),
        }, c => c.MessageId = duplicate);

        // Waited for by its own id: the first submit's consumption says nothing about the duplicate, and a saga
        // list keyed by request id can never hold two.
        (await host.Harness.Consumed.Any(m => m.Context.MessageId == duplicate)).ShouldBeTrue();
        host.Harness.Consumed.Select(m => m.Context.MessageId == duplicate).First().Exception.ShouldBeNull();
        saga.SubmittedAt.ShouldBe(submittedAt, "the duplicate must not start the task over");
    }
}

public class When_the_provider_stays_processing
{
    [Fact]
    public async Task Should_keep_rechecking_report_progress_and_complete_with_the_videos()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id,
            (ProviderTaskState.Pending, null),
            (ProviderTaskState.Processing, 10),
            (ProviderTaskState.Processing, 40),
            (ProviderTaskState.Processing, 40),
            (ProviderTaskState.Processing, 80),
            (ProviderTaskState.Succeeded, 100));

        await host.SubmitAsync(id);

        var completed = await host.PublishedAsync<TaskCompleted>(id);
        completed.Videos.Single().Url.ShouldBe($"http://videos.test/{id}.mp4");
        completed.ProviderTaskId.ShouldBe($"task-{id:N}");
        var saga = await host.SagaInStateAsync(id, m => m.Completed);
        saga.Rechecks.ShouldBe(6);
        saga.NextCheckAt.ShouldBeNull();
        (await host.PublishedAsync<TaskProgressed>(id, p => p.ProgressPercent == 80)).State.ShouldBe("processing");
        host.Harness.Published.Select<TaskProgressed>(m => m.Context.Message.RequestId == id && m.Context.Message.ProgressPercent == 40)
            .Count().ShouldBe(1, "an unchanged progress is not news");
    }

    [Fact]
    public async Task Should_be_in_processing_state_between_rechecks()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Processing, 50));

        await host.SubmitAsync(id);

        var saga = await host.SagaInStateAsync(id, m => m.Processing);
        saga.ProgressPercent.ShouldBe(50);
    }
}

public class When_the_provider_fails_the_task
{
    [Fact]
    public async Task Should_publish_task_failed_with_the_providers_reason()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id,
            Observed(id, ProviderTaskState.Processing, 20),
            Observed(id, ProviderTaskState.Failed) with { FailureCode = "content_policy_violation", FailureMessage = "prompt was refused" });

        await host.SubmitAsync(id);

        var failed = await host.PublishedAsync<TaskFailed>(id);
        failed.ReasonCode.ShouldBe(FailureReasons.ProviderFailed);
        failed.Reason.ShouldContain("prompt was refused");
        failed.Reason.ShouldContain("content_policy_violation");
        await host.SagaInStateAsync(id, m => m.Failed);
        // Its own TaskFailed comes back to the saga, which subscribes to the submitter's: ignored, never a fault.
        (await host.Saga.Consumed.Any<TaskFailed>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        (await host.Harness.Published.Any<MassTransit.Fault<TaskFailed>>()).ShouldBeFalse();
        (await host.SagaInStateAsync(id, m => m.Failed)).FailureCode.ShouldBe(FailureReasons.ProviderFailed);
    }

    [Fact]
    public async Task Should_fail_a_success_without_any_video_as_no_result()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, Observed(id, ProviderTaskState.Succeeded) with { Videos = NoVideos });

        await host.SubmitAsync(id);

        (await host.PublishedAsync<TaskFailed>(id)).ReasonCode.ShouldBe(FailureReasons.NoResult);
    }
}

public class When_the_provider_cannot_find_the_task
{
    [Fact]
    public async Task Should_tolerate_one_not_found_then_complete()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.NotFound, null), (ProviderTaskState.Succeeded, null));

        await host.SubmitAsync(id);

        await host.PublishedAsync<TaskCompleted>(id);
    }

    [Fact]
    public async Task Should_fail_after_the_not_found_limit_in_a_row()
    {
        await using var host = await SagaTestHost.StartAsync(o => o.NotFoundLimit = 3);
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.NotFound, null));

        await host.SubmitAsync(id);

        (await host.PublishedAsync<TaskFailed>(id)).ReasonCode.ShouldBe(FailureReasons.TaskNotFound);
        var saga = await host.SagaInStateAsync(id, m => m.Failed);
        saga.Rechecks.ShouldBe(3);
        saga.NextCheckAt.ShouldBeNull("only the failing block takes the last answer; none plans another check");
    }
}

public class When_the_provider_is_unreachable_or_unclear
{
    [Fact]
    public async Task Should_keep_polling_through_unreachable_and_unknown_statuses()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id,
            (ProviderTaskState.Unreachable, null),
            (ProviderTaskState.Unknown, null),
            (ProviderTaskState.Unreachable, null),
            (ProviderTaskState.Succeeded, null));

        await host.SubmitAsync(id);

        await host.PublishedAsync<TaskCompleted>(id);
        (await host.SagaInStateAsync(id, m => m.Completed)).Rechecks.ShouldBe(4);
    }

    [Fact]
    public async Task Should_time_out_at_the_deadline_and_stop_polling()
    {
        await using var host = await SagaTestHost.StartAsync(FakeClockPolling.FixedChecks, FakeClockPolling.NewClock());
        var start = FakeClockPolling.Start;
        var deadline = FakeClockPolling.Deadline;
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Processing, 30));
        await host.SubmitAsync(id);
        await host.SagaInStateAsync(id, m => m.Pending);

        // One check half way; its answer plans the next one for the deadline itself.
        await host.AdvanceAsync(FakeClockPolling.FirstCheck);
        (await host.SagaInStateAsync(id, m => m.Processing)).NextCheckAt.ShouldBe(start + deadline);

        await host.AdvanceAsync(deadline - FakeClockPolling.FirstCheck - TimeSpan.FromSeconds(1));
        host.DueChecks.Claims.ShouldBe(1, "nothing is due a second before the deadline");
        host.Harness.Published.Select<TaskFailed>(m => m.Context.Message.RequestId == id).Count().ShouldBe(0);

        await host.AdvanceAsync(TimeSpan.FromSeconds(2));
        var failed = await host.PublishedSoonAsync<TaskFailed>(id);
        failed.ReasonCode.ShouldBe(FailureReasons.TimedOut);
        failed.Reason.ShouldContain("no terminal status from modellix within");
        var saga = await host.SagaInStateAsync(id, m => m.Failed);
        saga.NextCheckAt.ShouldBeNull();
        saga.FinishedAt.ShouldBe(start + deadline + TimeSpan.FromSeconds(1));

        await host.AdvanceAsync(TimeSpan.FromMinutes(10));
        host.DueChecks.Claims.ShouldBe(2, "an ended task never comes due again");
        host.Harness.Published.Select<CheckTaskStatus>(m => m.Context.Message.RequestId == id).Count()
            .ShouldBe(saga.Rechecks, "no status check is asked for after the deadline");
    }
}

public class When_the_submitter_rejects_a_request
{
    [Fact]
    public async Task Should_keep_it_as_rejected_with_the_reason_and_never_ask_a_provider()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        var rejectedAt = DateTimeOffset.UtcNow;

        await host.Harness.Bus.Publish(new GenerateVideoRejected
        {
            RequestId = id,
            Provider = "evolink",
            Model = "kling-v3-image-to-video",
            Violations = [],
            Reason = "duration: must be 5 or 10",
            RejectedAt = rejectedAt,
        });

        var saga = await host.SagaInStateAsync(id, m => m.Rejected);
        saga.ContractState().ShouldBe(VideoTaskStates.Rejected);
        saga.FailureCode.ShouldBe(VideoTaskStates.Rejected);
        saga.FailureReason.ShouldBe("duration: must be 5 or 10");
        saga.Provider.ShouldBe("evolink");
        saga.FinishedAt.ShouldBe(rejectedAt);
        saga.NextCheckAt.ShouldBeNull();
        (await host.Harness.Published.Any<CheckTaskStatus>(m => m.Context.Message.RequestId == id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_follow_a_corrected_request_published_later_under_the_same_id()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Succeeded, 100));
        await host.Harness.Bus.Publish(new GenerateVideoRejected { RequestId = id, Violations = [], Reason = "duration: must be 5 or 10", RejectedAt = DateTimeOffset.UtcNow });
        await host.SagaInStateAsync(id, m => m.Rejected);

        await host.SubmitAsync(id);

        var completed = await host.PublishedAsync<TaskCompleted>(id);
        completed.Videos.ShouldNotBeEmpty();
        var saga = await host.SagaInStateAsync(id, m => m.Completed);
        saga.FailureCode.ShouldBeNull("the earlier rejection no longer describes the request");
        saga.FailureReason.ShouldBeNull();
    }

    [Fact]
    public async Task Should_answer_a_cancel_as_already_finished()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await host.Harness.Bus.Publish(new GenerateVideoRejected { RequestId = id, Violations = [], Reason = "no such model", RejectedAt = DateTimeOffset.UtcNow });
        await host.SagaInStateAsync(id, m => m.Rejected);

        var client = host.Harness.GetRequestClient<CancelVideoTask>();
        var answer = await client.GetResponse<CancelVideoTaskResult>(new CancelVideoTask { RequestId = id });

        answer.Message.Outcome.ShouldBe(CancelOutcomes.AlreadyFinished);
        answer.Message.State.ShouldBe(VideoTaskStates.Rejected);
    }
}

public class When_no_provider_takes_a_request
{
    [Fact]
    public async Task Should_keep_the_submitters_failure_so_a_status_query_can_say_why()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();

        await host.Harness.Bus.Publish(new TaskFailed
        {
            RequestId = id,
            Provider = "evolink",
            Model = "kling-v3-image-to-video",
            ReasonCode = FailureReasons.ProviderRejected,
            Reason = "insufficient balance",
            FailedAt = DateTimeOffset.UtcNow,
        });

        var saga = await host.SagaInStateAsync(id, m => m.FailedAtSubmit);
        saga.ContractState().ShouldBe(VideoTaskStates.Failed);
        saga.FailureCode.ShouldBe(FailureReasons.ProviderRejected);
        saga.FailureReason.ShouldBe("insufficient balance");
        saga.NextCheckAt.ShouldBeNull();
        (await host.Harness.Published.Any<CheckTaskStatus>(m => m.Context.Message.RequestId == id)).ShouldBeFalse();
        host.Harness.Published.Select<TaskFailed>(m => m.Context.Message.RequestId == id).Count().ShouldBe(1, "the saga announces nothing again");
    }
}
