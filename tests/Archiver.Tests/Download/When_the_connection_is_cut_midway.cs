using Microsoft.AspNetCore.Http;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Download;

public class When_the_connection_is_cut_midway
{
    private const int Length = 2_000_000;
    private const int Half = Length / 2;

    [Fact]
    public async Task Should_resume_with_a_conditional_range_request_and_store_the_whole_video()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) =>
            n == 0 ? TestVideo.CutAsync(context, Length, Half) : TestVideo.ServeAsync(context, Length));
        using var rig = new DownloadRig();

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        var requests = server.Requests.ToArray();
        requests.Length.ShouldBe(2);
        requests[0].Range.ShouldBeEmpty();
        requests[1].Range.ShouldBe($"bytes={Half}-");
        requests[1].IfRange.ShouldBe($"\"v{Length}\"");
    }

    [Fact]
    public async Task Should_start_over_when_the_server_ignores_the_range()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) =>
        {
            if (n == 0)
                return TestVideo.CutAsync(context, Length, Half);
            context.Request.Headers.Range = default;
            return TestVideo.ServeAsync(context, Length);
        });
        using var rig = new DownloadRig();

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.SizeBytes.ShouldBe(Length);
        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        (await File.ReadAllBytesAsync(rig.TargetPath)).ShouldBe(TestVideo.Bytes(Length));
    }

    [Fact]
    public async Task Should_start_over_when_the_server_cannot_serve_the_range()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => n switch
        {
            0 => TestVideo.CutAsync(context, Length, Half),
            1 => Results.StatusCode(416).ExecuteAsync(context),
            _ => TestVideo.ServeAsync(context, Length),
        });
        using var rig = new DownloadRig();

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        server.Requests.Select(r => r.Range).ShouldBe(["", $"bytes={Half}-", ""]);
    }

    [Fact]
    public async Task Should_keep_resuming_while_each_try_brings_more_bytes()
    {
        // Every answer is cut after 300 kB: seven tries in all, more than Attempts, yet each one makes progress.
        await using var server = await ScriptedServer.StartAsync((context, n) =>
        {
            var from = context.Request.GetTypedHeaders().Range?.Ranges.Single().From ?? 0;
            return from + 300_000 >= Length ? TestVideo.ServeAsync(context, Length) : CutRangeAsync(context, from, 300_000);
        });
        using var rig = new DownloadRig(o => o.Attempts = 2);

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.Sha256.ShouldBe(TestVideo.Sha256(TestVideo.Bytes(Length)));
        server.Requests.Count.ShouldBe(7);
    }

    [Fact]
    public async Task Should_give_up_after_the_attempts_when_no_try_brings_a_byte()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => TestVideo.CutAsync(context, Length, 0));
        using var rig = new DownloadRig(o => o.Attempts = 3);

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.DownloadFailed);
        failure.Message.ShouldEndWith("(gave up after 3 failed tries in a row)");
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Should_not_archive_a_body_that_ends_short_of_its_content_length()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => TestVideo.CutAsync(context, Length, Half));
        using var rig = new DownloadRig(o => o.Attempts = 1);

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.DownloadFailed);
        failure.Message.ShouldStartWith("connection lost");
    }

    private static async Task CutRangeAsync(HttpContext context, long from, int count)
    {
        var bytes = TestVideo.Bytes(Length);
        context.Response.StatusCode = from == 0 ? 200 : 206;
        context.Response.ContentLength = Length - from;
        context.Response.Headers.ETag = $"\"v{Length}\"";
        if (from > 0)
            context.Response.Headers.ContentRange = $"bytes {from}-{Length - 1}/{Length}";
        await context.Response.Body.WriteAsync(bytes.AsMemory((int)from, count));
        await context.Response.Body.FlushAsync();
    }
}
