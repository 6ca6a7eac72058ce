using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Download;

/// <summary>A full archive disk fails the video as storage_failed at once: fetching it again would only fill it again.</summary>
public class When_the_disk_is_full(Simulator simulator) : IClassFixture<Simulator>
{
    [Fact]
    public async Task Should_fail_as_storage_failed_after_one_request_when_a_write_finds_no_space()
    {
        using var rig = new DownloadRig();
        // The kernel's always-full device answers every write with ENOSPC, as a full disk does.
        File.CreateSymbolicLink(rig.TargetPath, "/dev/full");

        var failure = await rig.FailureAsync(simulator.Large(3_000_000));

        failure.Code.ShouldBe(ArchiveFailureReasons.StorageFailed);
        failure.Message.ShouldStartWith("could not write the video: the disk is full");
        rig.Sent.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Should_refuse_a_declared_length_that_free_space_less_the_margin_cannot_hold_before_reading_it()
    {
        var free = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace;
        // A margin a little over the free space: a 3 MB video can no longer fit, whatever the disk.
        using var rig = new DownloadRig(o => o.KeepFreeMegabytes = (int)(free >> 20) + 1);

        var failure = await rig.FailureAsync(simulator.Large(3_000_000));

        failure.Code.ShouldBe(ArchiveFailureReasons.StorageFailed);
        failure.Message.ShouldStartWith("the video is 3000000 bytes but the archive disk has ");
        new FileInfo(rig.TargetPath).Length.ShouldBe(0, "nothing was preallocated or written");
        rig.Sent.ShouldHaveSingleItem();
    }
}
