using System.Buffers.Binary;
using ProviderSimulator.Media;
using VideoPlatform.Archiver.Storage;

namespace VideoPlatform.Archiver.Tests.Verification;

public class When_mp4_boxes_are_followed
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void Should_accept_a_complete_file_however_it_is_chunked(int chunk)
    {
        var video = TestVideo.Bytes(100_000);

        var problem = Follow(video, chunk);

        problem.ShouldBeNull();
    }

    [Fact]
    public void Should_accept_the_simulators_clip()
    {
        var problem = Follow(SampleVideo.Bytes, 1000);

        problem.ShouldBeNull();
    }

    [Fact]
    public void Should_report_a_file_cut_short()
    {
        var video = TestVideo.Bytes(100_000)[..60_000];

        var problem = Follow(video, 4096);

        problem.ShouldBe($"its last box ends at byte 100000 but the file at byte 60000");
    }

    [Fact]
    public void Should_report_a_file_that_ends_inside_a_box_header()
    {
        var video = SampleVideo.Bytes[..36];

        var problem = Follow(video, 10);

        problem.ShouldBe("the file ends inside the header of the box at byte 32");
    }

    [Fact]
    public void Should_report_bytes_that_are_no_box()
    {
        byte[] video = [.. SampleVideo.Bytes, .. new byte[20]];

        var problem = Follow(video, 4096);

        problem.ShouldBe($"there is no box header at byte {SampleVideo.Bytes.Length}");
    }

    [Fact]
    public void Should_report_text_appended_to_a_complete_file()
    {
        byte[] video = [.. SampleVideo.Bytes, .. "<html>garbage</html>"u8];

        var problem = Follow(video, 4096);

        problem.ShouldNotBeNull();
    }

    [Fact]
    public void Should_accept_a_last_box_that_runs_to_the_end()
    {
        var open = new byte[8];
        "mdat"u8.CopyTo(open.AsSpan(4));
        byte[] video = [.. SampleVideo.Bytes, .. open, .. new byte[5000]];

        var problem = Follow(video, 4096);

        problem.ShouldBeNull();
    }

    [Fact]
    public void Should_follow_a_64_bit_box_size()
    {
        var header = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        "free"u8.CopyTo(header.AsSpan(4));
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(8), 16 + 3000);
        byte[] video = [.. SampleVideo.Bytes, .. header, .. new byte[3000]];

        var complete = Follow(video, 5);
        var cut = Follow(video[..^1], 5);

        complete.ShouldBeNull();
        cut.ShouldNotBeNull();
    }

    private static string? Follow(byte[] file, int chunk)
    {
        var boxes = new Mp4TopLevelBoxes();
        for (var offset = 0; offset < file.Length; offset += chunk)
            boxes.Append(file.AsSpan(offset, Math.Min(chunk, file.Length - offset)));
        return boxes.Problem(file.Length);
    }
}
