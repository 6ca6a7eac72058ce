using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Consumer;

/// <summary>
/// A delivery canceled mid-download (MassTransit cancels the consume in flight when the broker goes away) is delivered
/// again: the video must be served about once in all, not once per delivery.
/// </summary>
public class When_a_delivery_is_canceled_midway
{
    private const int Length = 2_000_000;

    [Fact]
    public async Task Should_resume_the_partial_download_in_the_next_delivery()
    {
        // The first answer stalls at 70 %, so the cancellation lands mid-download; the redelivery needs well under a second.
        var source = new CountingSource(Length) { StallAt = Length * 7 / 10 };
        await using var server = await ScriptedServer.StartAsync((context, _) => source.ServeAsync(context));
        await using var archiver = new ConsumerHarness(cancelConsumeAfter: TimeSpan.FromSeconds(2));
        await archiver.Harness.Start();
        var task = Completed(server);

        await archiver.Harness.Bus.Publish(task);
        (await archiver.Harness.Consumed.Any<TaskCompleted>(m => m.Exception is OperationCanceledException)).ShouldBeTrue("the first delivery was canceled");
        await archiver.Harness.Bus.Publish(task);

        var archived = await archiver.Harness.Published.SelectAsync<VideoArchived>(m => m.Context.Message.RequestId == task.RequestId)
            .Select(m => m.Context.Message).FirstOrDefaultAsync();
        archived.ShouldNotBeNull();
        archived.Videos.Single().Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        source.Served.ShouldBeLessThan(Length * 3 / 2, "the redelivery fetched only the rest");
        Directory.EnumerateFiles(Path.Combine(archiver.Root, ".partial")).ShouldBeEmpty("nothing is left once the video is archived");
    }

    private static TaskCompleted Completed(ScriptedServer server) => new()
    {
        RequestId = Guid.NewGuid(),
        Provider = "evolink",
        Model = "veo-3",
        ProviderTaskId = "task-canceled",
        Videos = [new VideoResult { Url = server.Url("/media/task-canceled.mp4").ToString() }],
        CompletedAt = DateTimeOffset.UtcNow,
    };
}
