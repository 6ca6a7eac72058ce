using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Consumer;

/// <summary>Providers return one video or a few: a list beyond the cap is refused whole, never half archived.</summary>
public class When_a_task_lists_too_many_videos
{
    [Fact]
    public async Task Should_refuse_it_with_archive_failed_naming_the_cap_without_downloading_any()
    {
        await using var source = await ScriptedServer.StartAsync((context, _) => TestVideo.ServeAsync(context, 200_000));
        await using var archiver = new ConsumerHarness(configure: o => o.MaxVideosPerTask = 2);
        await archiver.Harness.Start();
        var task = Completed(source, videos: 3);

        await archiver.Harness.Bus.Publish(task);

        var failed = await archiver.Harness.Published.SelectAsync<ArchiveFailed>(m => m.Context.Message.RequestId == task.RequestId)
            .Select(m => m.Context.Message).FirstOrDefaultAsync();
        failed.ShouldNotBeNull();
        failed.ReasonCode.ShouldBe(ArchiveFailureReasons.TooManyVideos);
        failed.Reason.ShouldBe("the task lists 3 videos, more than the 2 the archiver accepts per task (Archive:MaxVideosPerTask)");
        failed.SourceUrl.ShouldBe(task.Videos[2].Url);
        source.Requests.ShouldBeEmpty();
        (await archiver.Harness.Published.Any<VideoArchived>()).ShouldBeFalse();
    }

    private static TaskCompleted Completed(ScriptedServer source, int videos) => new()
    {
        RequestId = Guid.NewGuid(),
        Provider = "modellix",
        Model = "kling-v3-i2v",
        ProviderTaskId = "task-many",
        Videos = [.. Enumerable.Range(0, videos).Select(i => new VideoResult { Url = source.Url($"/v{i}.mp4").ToString() })],
        CompletedAt = DateTimeOffset.UtcNow,
    };
}
