using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tests;

public class When_a_provider_callback_arrives
{
    [Fact]
    public async Task Should_ask_the_provider_at_once_instead_of_at_the_next_recheck()
    {
        // Rechecks a minute apart: a completion within the test can only come from the callback's check.
        await using var host = await SagaTestHost.StartAsync(o => SlowPolling(o));
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Succeeded, 100));
        await host.SubmitAsync(id);
        await host.SagaInStateAsync(id, m => m.Pending);

        await host.Harness.Bus.Publish(Callback(id, "modellix"));

        var completed = await host.PublishedAsync<TaskCompleted>(id);
        completed.Videos.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Should_queue_its_check_as_due_now_ahead_of_checks_still_expected()
    {
        await using var host = await SagaTestHost.StartAsync(o => SlowPolling(o));
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Succeeded, 100));
        await host.SubmitAsync(id, estimatedSeconds: 600);
        var saga = await host.SagaInStateAsync(id, m => m.Pending);
        var callback = Callback(id, "modellix");

        await host.Harness.Bus.Publish(callback);

        var check = await host.PublishedAsync<CheckTaskStatus>(id);
        check.LikelyDoneAt.ShouldBe(callback.ReceivedAt);
        saga.ExpectedDoneAt!.Value.ShouldBeGreaterThan(callback.ReceivedAt.AddMinutes(5), "the saga still expected it ten minutes out");
    }

    [Fact]
    public async Task Should_ignore_a_callback_that_names_another_provider()
    {
        await using var host = await SagaTestHost.StartAsync(o => SlowPolling(o));
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Succeeded, 100));
        await host.SubmitAsync(id);
        await host.SagaInStateAsync(id, m => m.Pending);

        await host.Harness.Bus.Publish(Callback(id, "evolink"));

        (await host.Saga.Consumed.Any<ProviderCallbackReceived>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        (await host.Harness.Published.Any<CheckTaskStatus>(m => m.Context.Message.RequestId == id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_change_nothing_once_the_task_has_ended()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Succeeded, 100));
        await host.SubmitAsync(id);
        await host.PublishedAsync<TaskCompleted>(id);

        await host.Harness.Bus.Publish(Callback(id, "modellix"));

        (await host.Saga.Consumed.Any<ProviderCallbackReceived>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        host.Harness.Published.Select<CheckTaskStatus>(m => m.Context.Message.RequestId == id).Count().ShouldBe(1);
        (await host.SagaInStateAsync(id, m => m.Completed)).Rechecks.ShouldBe(1);
    }

    private static void SlowPolling(PollingOptions o)
    {
        o.FirstRecheckSeconds = 60;
        o.RecheckIntervalSeconds = 60;
        o.MaxRecheckIntervalSeconds = 60;
    }

    private static ProviderCallbackReceived Callback(Guid id, string provider) =>
        new() { RequestId = id, Provider = provider, ReceivedAt = DateTimeOffset.UtcNow };
}

public class When_the_archiver_reports_back
{
    [Fact]
    public async Task Should_keep_where_the_videos_were_stored()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Succeeded, 100));
        await host.SubmitAsync(id);
        var completed = await host.PublishedAsync<TaskCompleted>(id);

        await host.Harness.Bus.Publish(new VideoArchived
        {
            RequestId = id,
            Provider = completed.Provider,
            Model = completed.Model,
            ProviderTaskId = completed.ProviderTaskId,
            Videos = [new ArchivedVideo { Path = "/archive/x/video-0.mp4", SizeBytes = 42, Sha256 = "ab", SourceUrl = completed.Videos[0].Url }],
            ArchivedAt = DateTimeOffset.UtcNow,
        });

        (await host.Saga.Consumed.Any<VideoArchived>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        var saga = await host.SagaInStateAsync(id, m => m.Completed);
        saga.ArchivedVideos.Single().Path.ShouldBe("/archive/x/video-0.mp4");
    }

    [Fact]
    public async Task Should_keep_why_archiving_failed()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Succeeded, 100));
        await host.SubmitAsync(id);
        var completed = await host.PublishedAsync<TaskCompleted>(id);

        await host.Harness.Bus.Publish(new ArchiveFailed
        {
            RequestId = id,
            Provider = completed.Provider,
            ProviderTaskId = completed.ProviderTaskId,
            SourceUrl = completed.Videos[0].Url,
            ReasonCode = ArchiveFailureReasons.LinkExpired,
            Reason = "the link answered 404",
            FailedAt = DateTimeOffset.UtcNow,
        });

        (await host.Saga.Consumed.Any<ArchiveFailed>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        var saga = await host.SagaInStateAsync(id, m => m.Completed);
        saga.ArchiveFailureCode.ShouldBe(ArchiveFailureReasons.LinkExpired);
        saga.ArchiveFailureReason.ShouldBe("the link answered 404");
    }
}
