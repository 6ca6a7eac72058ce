using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Download;

public class When_a_video_is_downloaded_from_the_simulator(Simulator simulator) : IClassFixture<Simulator>
{
    [Fact]
    public async Task Should_store_exactly_its_bytes_with_size_and_sha256()
    {
        using var rig = new DownloadRig();
        var expected = TestVideo.Bytes(3_000_000);

        var result = await rig.DownloadAsync(simulator.Large(3_000_000));

        result.Format.ShouldBe("mp4");
        result.SizeBytes.ShouldBe(expected.Length);
        result.Sha256.ShouldBe(TestVideo.Sha256(expected));
        (await File.ReadAllBytesAsync(rig.TargetPath)).ShouldBe(expected);
    }

    [Fact]
    public async Task Should_refuse_it_by_its_content_length_when_over_the_limit_before_reading_it()
    {
        using var rig = new DownloadRig(o => o.MaxBytes = 1_000_000);

        var failure = await rig.FailureAsync(simulator.Large(5_000_000));

        failure.Code.ShouldBe(ArchiveFailureReasons.TooLarge);
        failure.Message.ShouldBe("video is 5000000 bytes, over the 1000000-byte limit");
        new FileInfo(rig.TargetPath).Length.ShouldBe(0);
        rig.Sent.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Should_refuse_a_loopback_source_that_is_not_allow_listed_without_requesting_it()
    {
        using var rig = new DownloadRig(o => o.AllowedHosts = []);

        var failure = await rig.FailureAsync(simulator.Large(100_000));

        failure.Code.ShouldBe(ArchiveFailureReasons.SourceRefused);
        failure.Message.ShouldEndWith("127.0.0.1 is a loopback address");
        rig.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_refuse_a_name_that_resolves_to_loopback_when_connecting()
    {
        using var rig = new DownloadRig();
        var byName = new UriBuilder(simulator.Large(100_000)) { Host = "localhost" }.Uri;

        var failure = await rig.FailureAsync(byName);

        failure.Code.ShouldBe(ArchiveFailureReasons.SourceRefused);
        failure.Message.ShouldContain("localhost resolves to ");
    }
}
