using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using ProviderSimulator.Media;

namespace ProviderSimulator.Tests;

public sealed class LargeMediaTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient client = fixture.Simulator.Client();

    [Fact]
    public async Task Large_video_is_a_valid_mp4_of_exactly_the_requested_size()
    {
        using var response = await client.GetAsync("/media/large/300000.mp4");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
        response.Content.Headers.ContentLength.ShouldBe(300_000);
        response.Headers.ETag!.IsWeak.ShouldBeFalse();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Length.ShouldBe(300_000);
        bytes[..SampleVideo.Bytes.Length].ShouldBe(SampleVideo.Bytes);
        TopLevelBoxes(bytes).ShouldBe(["ftyp", "moov", "free", "mdat", "free"]);
    }

    [Fact]
    public async Task Range_of_a_large_video_is_the_same_bytes_as_that_part_of_the_whole()
    {
        var whole = await client.GetByteArrayAsync("/media/large/300000.mp4");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/media/large/300000.mp4");
        request.Headers.Range = new RangeHeaderValue(123_457, null);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.Length.ShouldBe(300_000);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(whole[123_457..]);
    }

    [Fact]
    public async Task Filler_differs_at_every_offset_so_a_misplaced_resume_shows()
    {
        var whole = await client.GetByteArrayAsync("/media/large/300000.mp4");

        var filler = whole[(SampleVideo.Bytes.Length + 8)..];

        filler.AsSpan(0, 1000).SequenceEqual(filler.AsSpan(1, 1000)).ShouldBeFalse();
        filler.AsSpan(0, 1000).SequenceEqual(filler.AsSpan(4096, 1000)).ShouldBeFalse();
    }

    [Fact]
    public async Task Video_over_4_GiB_announces_its_filler_box_with_a_64_bit_size()
    {
        const long size = 5L << 30;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/large/{size}.mp4");
        request.Headers.Range = new RangeHeaderValue(SampleVideo.Bytes.Length, SampleVideo.Bytes.Length + 15);

        using var response = await client.SendAsync(request);

        response.Content.Headers.ContentRange!.Length.ShouldBe(size);
        var header = await response.Content.ReadAsByteArrayAsync();
        BinaryPrimitives.ReadUInt32BigEndian(header).ShouldBe(1u);
        Encoding.ASCII.GetString(header, 4, 4).ShouldBe("free");
        BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(8)).ShouldBe(size - SampleVideo.Bytes.Length);
    }

    [Fact]
    public async Task Size_too_small_for_the_clip_is_not_found()
    {
        using var response = await client.GetAsync("/media/large/100.mp4");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static List<string> TopLevelBoxes(byte[] file)
    {
        var types = new List<string>();
        for (long offset = 0; offset < file.Length;)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan((int)offset));
            types.Add(Encoding.ASCII.GetString(file, (int)offset + 4, 4));
            size.ShouldBeGreaterThanOrEqualTo(8u);
            offset += size;
            offset.ShouldBeLessThanOrEqualTo(file.Length);
        }
        return types;
    }
}
