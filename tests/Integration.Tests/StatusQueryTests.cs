using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_the_status_of_a_request_is_queried(PlatformFixture platform)
{
    [Fact]
    public async Task Should_report_a_completed_request_with_its_videos()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(Requests.KlingV3(id, "a quiet harbour"));
        var completed = await platform.Events.WaitForAsync<TaskCompleted>(id);

        var status = await platform.StatusOfAsync(id);

        status.Found.ShouldBeTrue();
        status.State.ShouldBe(VideoTaskStates.Completed);
        status.Provider.ShouldBe("modellix");
        status.Model.ShouldBe("kling-v3-i2v");
        status.ProviderTaskId.ShouldBe(completed.ProviderTaskId);
        status.FinishedAt.ShouldNotBeNull();
        status.Videos.Select(v => v.Url).ShouldBe(completed.Videos.Select(v => v.Url));
    }

    [Fact]
    public async Task Should_report_where_the_archiver_stored_a_completed_request()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(Requests.KlingV3(id, "a lantern on a jetty"));
        var archived = await platform.Events.WaitForAsync<VideoArchived>(id);

        var status = await platform.WaitForStatusAsync(id, s => s.ArchivedVideos.Count > 0);

        status.ArchivedVideos.Select(v => v.Path).ShouldBe(archived.Videos.Select(v => v.Path));
        status.ArchivedVideos[0].Sha256.ShouldBe(archived.Videos[0].Sha256);
        status.ArchiveFailureCode.ShouldBeNull();
    }

    [Fact]
    public async Task Should_report_why_the_archiver_gave_up()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(Requests.KlingV3(id, "a link gone stale [sim:media-expired]"));
        var failed = await platform.Events.WaitForAsync<ArchiveFailed>(id);

        var status = await platform.WaitForStatusAsync(id, s => s.ArchiveFailureCode is not null);

        status.State.ShouldBe(VideoTaskStates.Completed);
        status.ArchiveFailureCode.ShouldBe(failed.ReasonCode);
        status.ArchiveFailureReason.ShouldBe(failed.Reason);
        status.ArchivedVideos.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_report_a_rejected_request_with_the_reason_rather_than_as_unknown()
    {
        var id = Guid.NewGuid();
        var request = Requests.KlingV3(id, "too long a clip");
        await platform.Bus.Publish(request with { Options = request.Options with { Duration = 20 } });
        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(id);

        var status = await platform.WaitForStatusAsync(id, s => s.Found);

        status.State.ShouldBe(VideoTaskStates.Rejected);
        status.FailureCode.ShouldBe(VideoTaskStates.Rejected);
        status.FailureReason.ShouldBe(rejected.Reason);
        status.Model.ShouldBe("kling-v3-i2v");
    }

    [Fact]
    public async Task Should_report_a_running_request_as_processing()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(Requests.KlingV3(id, "a clock that never strikes [sim:stuck]"));
        var submitted = await platform.Events.WaitForAsync<TaskSubmitted>(id);

        var status = await platform.WaitForStatusAsync(id, s => s.State == VideoTaskStates.Processing);

        status.State.ShouldBe(VideoTaskStates.Processing);
        status.Found.ShouldBeTrue();
        status.ProviderTaskId.ShouldBe(submitted.ProviderTaskId);
        status.FinishedAt.ShouldBeNull();
        status.Videos.ShouldBeEmpty();
        await platform.CancelAsync(id);
    }

    [Fact]
    public async Task Should_report_a_failed_request_with_its_reason()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(Requests.KlingV3(id, "a storm [sim:fail]"));
        var failed = await platform.Events.WaitForAsync<TaskFailed>(id);

        var status = await platform.StatusOfAsync(id);

        status.Found.ShouldBeTrue();
        status.State.ShouldBe(VideoTaskStates.Failed);
        status.FailureCode.ShouldBe(FailureReasons.ProviderFailed);
        status.FailureReason.ShouldBe(failed.Reason);
    }

    [Fact]
    public async Task Should_answer_not_found_for_an_unknown_id()
    {
        var id = Guid.NewGuid();

        var status = await platform.StatusOfAsync(id);

        status.RequestId.ShouldBe(id);
        status.Found.ShouldBeFalse();
        status.State.ShouldBe(VideoTaskStates.NotFound);
    }
}

internal static class StatusQueries
{
    public static Task<VideoTaskStatus> StatusOfAsync(this PlatformFixture platform, Guid id) => platform.Bus.StatusOfAsync(id);

    public static Task<VideoTaskStatus> WaitForStatusAsync(this PlatformFixture platform, Guid id, Func<VideoTaskStatus, bool> condition) =>
        platform.Bus.WaitForStatusAsync(id, condition);

    public static async Task<VideoTaskStatus> StatusOfAsync(this IBus bus, Guid id)
    {
        var client = bus.CreateRequestClient<GetVideoTaskStatus>(RequestTimeout.After(s: 10));
        var response = await client.GetResponse<VideoTaskStatus>(new GetVideoTaskStatus { RequestId = id });
        return response.Message;
    }

    public static async Task<VideoTaskStatus> WaitForStatusAsync(this IBus bus, Guid id, Func<VideoTaskStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var status = await bus.StatusOfAsync(id);
        while (!condition(status) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            status = await bus.StatusOfAsync(id);
        }
        return status;
    }
}
