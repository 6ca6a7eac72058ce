using ProviderSimulator.Media;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Download;

public class When_the_download_takes_too_long
{
    [Fact]
    public async Task Should_give_up_at_the_timeout_as_timed_out()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentLength = 1_000_000;
            await context.Response.Body.WriteAsync(SampleVideo.Bytes.AsMemory(0, 1000));
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var rig = new DownloadRig(o => o.DownloadTimeoutSeconds = 1);

        var failure = await rig.FailureAsync(server.Url("/v.mp4"));

        failure.Code.ShouldBe(ArchiveFailureReasons.TimedOut);
        // How many bytes arrived before the deadline depends on how busy the machine is; that the stall ends it does not.
        failure.Message.ShouldStartWith("download took longer than 1 s (");
    }
}
