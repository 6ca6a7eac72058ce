using System.Text;
using ProviderSimulator.Media;
using VideoPlatform.Archiver.Storage;

namespace VideoPlatform.Archiver.Tests.Verification;

public class When_the_container_is_detected
{
    [Theory]
    [InlineData("000000186674797069736f6d", "mp4")]
    [InlineData("0000001466747970717420200000", "mov")]
    [InlineData("1a45dfa39f4286810142f781", "webm")]
    [InlineData("474946383961", "gif")]
    public void Should_name_a_video_container_by_its_magic(string hex, string format)
    {
        var detected = VideoFormat.Detect(Convert.FromHexString(hex));

        detected.ShouldBe(format);
    }

    [Fact]
    public void Should_recognise_the_simulators_clip_as_mp4()
    {
        var detected = VideoFormat.Detect(SampleVideo.Bytes.AsSpan(0, VideoFormat.HeaderLength));

        detected.ShouldBe("mp4");
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html>")]
    [InlineData("{\"code\":404,\"message\":\"Not Found\"}")]
    [InlineData("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>")]
    [InlineData("")]
    public void Should_not_take_an_error_page_for_a_video(string text)
    {
        var detected = VideoFormat.Detect(Encoding.UTF8.GetBytes(text));

        detected.ShouldBeNull();
    }
}
