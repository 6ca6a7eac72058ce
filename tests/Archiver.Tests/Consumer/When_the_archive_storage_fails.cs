using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Consumer;

/// <summary>Our own disk failing is not the source's fault: one clear ArchiveFailed, never a loop of re-downloads.</summary>
public class When_the_archive_storage_fails
{
    [Fact]
    public async Task Should_fail_the_archive_as_storage_failed_when_the_video_cannot_be_moved_into_place()
    {
        await using var source = await ScriptedServer.StartAsync((context, _) => TestVideo.ServeAsync(context, 200_000));
        await using var archiver = new ConsumerHarness();
        await archiver.Harness.Start();
        var task = Completed(source);
        // A file where the request's folder must go: creating the folder, and so the move into place, fails.
        var dayFolder = Path.Combine(archiver.Root, task.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd"));
        Directory.CreateDirectory(dayFolder);
        await File.WriteAllTextAsync(Path.Combine(dayFolder, task.RequestId.ToString("D")), "in the way");

        await archiver.Harness.Bus.Publish(task);

        var failed = await archiver.Harness.Published.SelectAsync<ArchiveFailed>(m => m.Context.Message.RequestId == task.RequestId)
            .Select(m => m.Context.Message).FirstOrDefaultAsync();
        failed.ShouldNotBeNull("a storage fault ends in ArchiveFailed");
        failed.ReasonCode.ShouldBe(ArchiveFailureReasons.StorageFailed);
        failed.Reason.ShouldStartWith("could not store the video: ");
        source.Requests.Count.ShouldBe(1, "downloading it again cannot help");
        Directory.EnumerateFiles(Path.Combine(archiver.Root, ".partial")).ShouldBeEmpty("the partial file and its resume state are removed");
    }

    [Fact]
    public async Task Should_fail_the_archive_as_storage_failed_when_the_disk_has_no_room_for_the_declared_size()
    {
        await using var source = await ScriptedServer.StartAsync((context, _) => TestVideo.ServeAsync(context, 200_000));
        var free = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace;
        // A wide margin: other tests deleting their files meanwhile must not make room for the video.
        await using var archiver = new ConsumerHarness(configure: o => o.KeepFreeMegabytes = (int)(free >> 20) + 1024);
        await archiver.Harness.Start();
        var task = Completed(source);

        await archiver.Harness.Bus.Publish(task);

        var failed = await archiver.Harness.Published.SelectAsync<ArchiveFailed>(m => m.Context.Message.RequestId == task.RequestId)
            .Select(m => m.Context.Message).FirstOrDefaultAsync();
        failed.ShouldNotBeNull();
        failed.ReasonCode.ShouldBe(ArchiveFailureReasons.StorageFailed);
        failed.Reason.ShouldStartWith("the video is 200000 bytes but the archive disk has ");
        source.Requests.Count.ShouldBe(1);
    }

    private static TaskCompleted Completed(ScriptedServer source) => new()
    {
        RequestId = Guid.NewGuid(),
        Provider = "modellix",
        Model = "kling-v3-i2v",
        ProviderTaskId = "task-storage",
        Videos = [new VideoResult { Url = source.Url("/v.mp4").ToString() }],
        CompletedAt = DateTimeOffset.UtcNow,
    };
}
