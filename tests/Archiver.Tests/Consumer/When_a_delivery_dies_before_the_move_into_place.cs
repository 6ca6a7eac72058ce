using VideoPlatform.Archiver.Storage;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Consumer;

/// <summary>
/// A delivery whose process dies after the whole video was downloaded and checked, before its move into place (the
/// crash test's SIGKILL, landing while a disk busy flushing other downloads keeps that move waiting), is delivered
/// again: the redelivery must archive the file already on disk, not fetch the video a second time.
/// </summary>
public class When_a_delivery_dies_before_the_move_into_place
{
    private const int Length = 2_000_000;

    [Fact]
    public async Task Should_archive_the_downloaded_file_without_fetching_the_video_again()
    {
        var source = new CountingSource(Length);
        await using var server = await ScriptedServer.StartAsync((context, _) => source.ServeAsync(context));
        await using var archiver = new ConsumerHarness(storage: real => new DiesAtFirstCommit(real));
        await archiver.Harness.Start();
        var task = Completed(server);

        await archiver.Harness.Bus.Publish(task);
        (await archiver.Harness.Consumed.Any<TaskCompleted>(m => m.Exception is ProcessDied)).ShouldBeTrue("the first delivery died");
        await archiver.Harness.Bus.Publish(task);

        var archived = await archiver.Harness.Published.SelectAsync<VideoArchived>(m => m.Context.Message.RequestId == task.RequestId)
            .Select(m => m.Context.Message).FirstOrDefaultAsync();
        archived.ShouldNotBeNull();
        archived.Videos.Single().Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        source.Served.ShouldBe(Length, "the video was served once");
        Directory.EnumerateFiles(Path.Combine(archiver.Root, ".partial")).ShouldBeEmpty("nothing is left once the video is archived");
    }

    private static TaskCompleted Completed(ScriptedServer server) => new()
    {
        RequestId = Guid.NewGuid(),
        Provider = "evolink",
        Model = "veo-3",
        ProviderTaskId = "task-died",
        Videos = [new VideoResult { Url = server.Url("/media/task-died.mp4").ToString() }],
        CompletedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Stands for a SIGKILL: nothing in the archiver handles it, so nothing after it runs.</summary>
    private sealed class ProcessDied() : Exception("killed before the move into place");

    /// <summary>The real storage, whose first commit never happens: the process "dies" just before it.</summary>
    private sealed class DiesAtFirstCommit(IVideoStorage real) : IVideoStorage
    {
        private int commits;

        public StoredVideo Commit(string temporaryPath, VideoSidecar sidecar, string extension) =>
            Interlocked.Increment(ref commits) == 1 ? throw new ProcessDied() : real.Commit(temporaryPath, sidecar, extension);

        public StoredVideo? Find(Guid requestId, DateTimeOffset completedAt, int index) => real.Find(requestId, completedAt, index);

        public IDisposable? TryClaim(Guid requestId) => real.TryClaim(requestId);

        public string TemporaryPath(Guid requestId, int index) => real.TemporaryPath(requestId, index);

        public int DeleteAbandonedTemporaries(DateTimeOffset writtenBefore) => real.DeleteAbandonedTemporaries(writtenBefore);

        public int DeleteUnusedClaims(DateTimeOffset usedBefore) => real.DeleteUnusedClaims(usedBefore);
    }
}
