namespace VideoPlatform.Archiver.Tests.Download;

/// <summary>
/// A delivery canceled or killed midway leaves its partial file behind; the next delivery downloads into the same
/// file and must fetch only the rest, not the whole video again (the crash test's max_served_ratio).
/// </summary>
public class When_an_earlier_delivery_left_a_partial_download
{
    private const int Length = 2_000_000;

    [Fact]
    public async Task Should_fetch_only_the_rest_and_store_the_whole_video()
    {
        var source = new CountingSource(Length);
        await using var server = await ScriptedServer.StartAsync((context, _) => source.ServeAsync(context));
        using var rig = new DownloadRig();

        await CancelMidwayAsync(rig, server, source);
        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        source.Served.ShouldBeLessThan(Length * 3 / 2, "the second delivery fetched only what the first had not stored");
        var resume = server.Requests.Last();
        resume.Range.ShouldStartWith("bytes=");
        resume.Range.ShouldNotBe("bytes=0-");
        resume.IfRange.ShouldBe($"\"v{Length}\"", "the validator of the first delivery guards the splice");
    }

    [Fact]
    public async Task Should_download_it_again_from_the_start_when_the_source_no_longer_resumes()
    {
        var source = new CountingSource(Length);
        await using var server = await ScriptedServer.StartAsync((context, _) => source.ServeAsync(context));
        using var rig = new DownloadRig();

        await CancelMidwayAsync(rig, server, source);
        source.HonourRange = false;
        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.SizeBytes.ShouldBe(Length);
        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        (await File.ReadAllBytesAsync(rig.TargetPath)).ShouldBe(TestVideo.Bytes(Length));
    }

    [Fact]
    public async Task Should_not_fetch_anything_when_the_earlier_delivery_had_every_byte()
    {
        // Killed after the last byte, before the move into place (the final flush of a large video takes a while).
        var source = new CountingSource(Length);
        await using var server = await ScriptedServer.StartAsync((context, _) => source.ServeAsync(context));
        using var rig = new DownloadRig();
        await CancelMidwayAsync(rig, server, source);
        await File.WriteAllBytesAsync(rig.TargetPath, TestVideo.Bytes(Length));
        var requestsBefore = server.Requests.Count;

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        server.Requests.Count.ShouldBe(requestsBefore, "the file on disk was already whole");
    }

    [Fact]
    public async Task Should_not_fetch_anything_when_the_earlier_delivery_ended_after_checking_the_whole_video()
    {
        // The download finished and was checked, then its process died before the move into place: on a disk busy
        // flushing other downloads, the file operations of that move can each wait seconds (a crash test served two
        // videos twice in full this way).
        var source = new CountingSource(Length);
        await using var server = await ScriptedServer.StartAsync((context, _) => source.ServeAsync(context));
        using var rig = new DownloadRig();
        await rig.DownloadAsync(server.Url("/v.mp4"));

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        server.Requests.Count.ShouldBe(1, "the checked file was still whole on disk");
        source.Served.ShouldBe(Length);
    }

    [Fact]
    public async Task Should_not_trust_bytes_left_without_the_response_that_began_them()
    {
        // A partial file whose resume state is missing: nothing says which video, or which version of it, they belong to.
        var source = new CountingSource(Length);
        await using var server = await ScriptedServer.StartAsync((context, _) => source.ServeAsync(context));
        using var rig = new DownloadRig();
        await File.WriteAllBytesAsync(rig.TargetPath, new byte[Length / 2]);

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        server.Requests.Single().Range.ShouldBeEmpty();
    }

    /// <summary>The first delivery, canceled (a broker outage, a shutdown) once well over half the video was served.</summary>
    private static async Task CancelMidwayAsync(DownloadRig rig, ScriptedServer server, CountingSource source)
    {
        using var canceled = new CancellationTokenSource();
        var first = rig.DownloadAsync(server.Url("/v.mp4"), canceled.Token);
        await source.MostlySentAsync(first);
        await canceled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(first);
        File.Exists(rig.TargetPath).ShouldBeTrue("the canceled delivery left its partial file");
    }
}
