using Microsoft.AspNetCore.Http;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Download;

public class When_the_source_answers_with_an_error
{
    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Should_fail_at_once_as_an_expired_link_quoting_the_source(int status)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            Results.Json(new { code = status, message = "Not Found: the result has expired" }, statusCode: status).ExecuteAsync(context));
        using var rig = new DownloadRig();

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.LinkExpired);
        failure.Message.ShouldStartWith($"source answered {status} ");
        failure.Message.ShouldContain("the link has probably expired: {\"code\":" + status + ",\"message\":\"Not Found: the result has expired\"}");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_retry_a_server_error_and_then_succeed()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) =>
            n < 2 ? Results.StatusCode(503).ExecuteAsync(context) : TestVideo.ServeAsync(context, 50_000));
        using var rig = new DownloadRig(o => o.Attempts = 3);

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.SizeBytes.ShouldBe(50_000);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Should_give_up_on_a_server_error_after_the_attempts()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Results.StatusCode(500).ExecuteAsync(context));
        using var rig = new DownloadRig(o => o.Attempts = 2);

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.DownloadFailed);
        failure.Message.ShouldStartWith("source answered 500 Internal Server Error");
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_not_archive_an_html_page_served_with_200()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            Results.Content("<!DOCTYPE html><html><body>Gone</body></html>", "text/html").ExecuteAsync(context));
        using var rig = new DownloadRig();

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.NotAVideo);
        failure.Message.ShouldStartWith("content is not a video container (Content-Type text/html, first bytes 3C21444F");
    }

    [Fact]
    public async Task Should_not_archive_an_mp4_truncated_at_the_source()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            Results.Bytes(TestVideo.Bytes(100_000)[..70_000], "video/mp4").ExecuteAsync(context));
        using var rig = new DownloadRig();

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.NotAVideo);
        failure.Message.ShouldBe("incomplete mp4: its last box ends at byte 100000 but the file at byte 70000");
    }
}
