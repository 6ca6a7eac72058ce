namespace VideoPlatform.Cli.Tests;

/// <summary>Every key <c>--option key=value</c> knows, including the providers' alternative names.</summary>
public sealed class When_parsing_a_video_option
{
    public static TheoryData<string, string> Keys => new()
    {
        { "prompt=a cat walks", """{"prompt":"a cat walks"}""" },
        { "negative_prompt=blurry, shaky", """{"negativePrompt":"blurry, shaky"}""" },
        { "image=https://example.com/a.jpg", """{"image":"https://example.com/a.jpg"}""" },
        { "image_start=https://example.com/first.jpg", """{"image":"https://example.com/first.jpg"}""" },
        { "end_image=https://example.com/last.jpg", """{"endImage":"https://example.com/last.jpg"}""" },
        { "image_end=https://example.com/last.jpg", """{"endImage":"https://example.com/last.jpg"}""" },
        { "image_tail=https://example.com/last.jpg", """{"endImage":"https://example.com/last.jpg"}""" },
        { "image_list=https://example.com/a.jpg", """{"imageList":["https://example.com/a.jpg"]}""" },
        { "images=https://example.com/a.jpg,https://example.com/b.jpg", """{"images":["https://example.com/a.jpg","https://example.com/b.jpg"]}""" },
        { "videos=https://example.com/source.mp4", """{"videos":["https://example.com/source.mp4"]}""" },
        { "multi_prompt=a cat enters|the cat sits", """{"multiPrompt":[{"prompt":"a cat enters"},{"prompt":"the cat sits"}]}""" },
        { """multi_prompt=[{"prompt":"a cat enters","duration":3},{"prompt":"the cat sits","duration":2}]""", """{"multiPrompt":[{"prompt":"a cat enters","duration":3},{"prompt":"the cat sits","duration":2}]}""" },
        { "duration=7", """{"duration":7}""" },
        { "aspect_ratio=9:16", """{"aspectRatio":"9:16"}""" },
        { "mode=pro", """{"mode":"pro"}""" },
        { "resolution=1080p", """{"resolution":"1080p"}""" },
        { "quality=4k", """{"resolution":"4k"}""" },
        { "sound=on", """{"sound":true}""" },
        { "cfg_scale=0.7", """{"cfgScale":0.7}""" },
        { "multi_shot=true", """{"multiShot":true}""" },
        { "shot_type=intelligence", """{"shotType":"intelligence"}""" },
        { "callback_url=https://example.com/hook?a=1", """{"callbackUrl":"https://example.com/hook?a=1"}""" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Should_set_the_field_the_key_names(string pair, string expected)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [pair]);

        // Assert
        options.ShouldHaveFields(expected);
    }

    [Theory]
    [InlineData("Aspect_Ratio=1:1")]
    [InlineData("aspect-ratio=1:1")]
    [InlineData("  ASPECT-RATIO =1:1")]
    public void Should_read_keys_whatever_their_case_dashes_or_spaces(string pair)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [pair]);

        // Assert
        options.ShouldHaveFields("""{"aspectRatio":"1:1"}""");
    }

    [Fact]
    public void Should_keep_an_equals_sign_inside_the_value()
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), ["prompt=a=b"]);

        // Assert
        options.Prompt.ShouldBe("a=b");
    }

    [Theory]
    [InlineData("-1.5", -1.5)]
    [InlineData("1e-1", 0.1)]
    [InlineData("0", 0.0)]
    public void Should_read_cfg_scale_with_an_invariant_decimal_point(string value, double expected)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [$"cfg_scale={value}"]);

        // Assert
        options.CfgScale.ShouldBe(expected);
    }
}
