using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Download;

public class When_the_video_is_over_the_size_limit
{
    [Fact]
    public async Task Should_stop_reading_at_the_limit_when_no_length_was_announced()
    {
        // Chunked, so the size is only learnt by reading: the limit must hold while streaming.
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "video/mp4";
            var video = TestVideo.Bytes(4_000_000);
            for (var offset = 0; offset < video.Length; offset += 100_000)
                await context.Response.Body.WriteAsync(video.AsMemory(offset, 100_000));
        });
        using var rig = new DownloadRig(o => o.MaxBytes = 1_500_000);

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.TooLarge);
        failure.Message.ShouldBe("video exceeds the 1500000-byte limit");
        new FileInfo(rig.TargetPath).Length.ShouldBeLessThanOrEqualTo(1_500_000);
    }
}
