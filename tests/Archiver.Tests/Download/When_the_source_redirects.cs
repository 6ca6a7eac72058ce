using Microsoft.AspNetCore.Http;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Download;

public class When_the_source_redirects
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "169.254.169.254 is a link-local address")]
    [InlineData("http://10.0.0.1/admin", "10.0.0.1 is a private address")]
    [InlineData("http://[fd00::1]/", "fd00::1 is a unique local address")]
    [InlineData("file:///etc/passwd", "is not an http(s) URL")]
    public async Task Should_refuse_a_hop_to_an_internal_address_without_requesting_it(string target, string reason)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Results.Redirect(target).ExecuteAsync(context));
        using var rig = new DownloadRig();

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.SourceRefused);
        failure.Message.ShouldStartWith("refused redirect to ");
        failure.Message.ShouldEndWith(reason);
        rig.Sent.ShouldBe([server.Url("/v.mp4")]);
    }

    [Fact]
    public async Task Should_check_every_hop_not_just_the_first()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => context.Request.Path.Value switch
        {
            "/v.mp4" => Results.Redirect("/hop-1").ExecuteAsync(context),
            "/hop-1" => Results.Redirect("/hop-2", permanent: true, preserveMethod: true).ExecuteAsync(context),
            _ => Results.Redirect("http://169.254.169.254/latest/meta-data/").ExecuteAsync(context),
        });
        using var rig = new DownloadRig();

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.SourceRefused);
        rig.Sent.ShouldBe([server.Url("/v.mp4"), server.Url("/hop-1"), server.Url("/hop-2")]);
    }

    [Fact]
    public async Task Should_refuse_a_hop_to_a_name_that_resolves_inside()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            Results.Redirect($"http://localhost:{context.Request.Host.Port}/elsewhere").ExecuteAsync(context));
        using var rig = new DownloadRig();

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.SourceRefused);
        failure.Message.ShouldContain("localhost resolves to ");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_follow_allowed_hops_to_the_video()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => context.Request.Path.Value == "/v.mp4"
            ? Results.Redirect("/signed/v.mp4?sig=1").ExecuteAsync(context)
            : TestVideo.ServeAsync(context, 80_000));
        using var rig = new DownloadRig();

        var result = await rig.DownloadAsync(server.Url("/v.mp4"));

        result.SizeBytes.ShouldBe(80_000);
        rig.Sent.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_give_up_on_a_redirect_loop()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Results.Redirect("/v.mp4").ExecuteAsync(context));
        using var rig = new DownloadRig();

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.DownloadFailed);
        failure.Message.ShouldBe("more than 5 redirects");
        rig.Sent.Count.ShouldBe(6);
    }
}
