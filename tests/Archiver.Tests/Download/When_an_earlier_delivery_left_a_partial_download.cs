using Microsoft.AspNetCore.Http;

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
        var served = new ServedBytes();
        await using var server = await ScriptedServer.StartAsync((context, _) => served.ServeSlowlyAsync(context, honourRange: true));
        using var rig = new DownloadRig();

        await CancelMidwayAsync(rig, server, served);
        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        served.Total.ShouldBeLessThan(Length * 3 / 2, "the second delivery fetched only what the first had not stored");
        var resume = server.Requests.Last();
        resume.Range.ShouldStartWith("bytes=");
        resume.Range.ShouldNotBe("bytes=0-");
        resume.IfRange.ShouldBe($"\"v{Length}\"", "the validator of the first delivery guards the splice");
    }

    [Fact]
    public async Task Should_download_it_again_from_the_start_when_the_source_no_longer_resumes()
    {
        var served = new ServedBytes();
        var honourRange = true;
        await using var server = await ScriptedServer.StartAsync((context, _) => served.ServeSlowlyAsync(context, honourRange));
        using var rig = new DownloadRig();

        await CancelMidwayAsync(rig, server, served);
        honourRange = false;
        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.SizeBytes.ShouldBe(Length);
        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        (await File.ReadAllBytesAsync(rig.TargetPath)).ShouldBe(TestVideo.Bytes(Length));
    }

    /// <summary>The first delivery, canceled (a broker outage, a shutdown) once well over half the video was served.</summary>
    private static async Task CancelMidwayAsync(DownloadRig rig, ScriptedServer server, ServedBytes served)
    {
        using var canceled = new CancellationTokenSource();
        var first = rig.DownloadAsync(server.Url("/v.mp4"), canceled.Token);
        while (served.Total < Length * 7 / 10 && !first.IsCompleted)
            await Task.Delay(5);
        await canceled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(first);
        File.Exists(rig.TargetPath).ShouldBeTrue("the canceled delivery left its partial file");
    }

    /// <summary>Serves the video in 40 pieces with a pause after each, from the requested byte when honouring Range; counts every byte sent.</summary>
    private sealed class ServedBytes
    {
        private long total;

        public long Total => Interlocked.Read(ref total);

        public async Task ServeSlowlyAsync(HttpContext context, bool honourRange)
        {
            var bytes = TestVideo.Bytes(Length);
            var from = honourRange ? context.Request.GetTypedHeaders().Range?.Ranges.Single().From ?? 0 : 0;
            context.Response.ContentType = "video/mp4";
            context.Response.Headers.ETag = $"\"v{Length}\"";
            context.Response.ContentLength = Length - from;
            if (from > 0)
            {
                context.Response.StatusCode = 206;
                context.Response.Headers.ContentRange = $"bytes {from}-{Length - 1}/{Length}";
            }
            const int piece = Length / 40;
            for (var offset = (int)from; offset < Length; offset += piece)
            {
                var count = Math.Min(piece, Length - offset);
                await context.Response.Body.WriteAsync(bytes.AsMemory(offset, count), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                Interlocked.Add(ref total, count);
                await Task.Delay(10, context.RequestAborted);
            }
        }
    }
}
