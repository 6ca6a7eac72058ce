namespace VideoPlatform.Cli.Tests;

/// <summary>A bad option is a usage error (exit code 2) whose message says which key is wrong.</summary>
public sealed class When_an_option_is_malformed
{
    [Theory]
    [InlineData("duration=five", "duration")]
    [InlineData("duration=5.5", "duration")]
    [InlineData("duration=", "duration")]
    [InlineData("cfg_scale=high", "cfg_scale")]
    [InlineData("cfg_scale=0,7", "cfg_scale")]
    [InlineData("sound=loud", "sound")]
    [InlineData("sound=", "sound")]
    [InlineData("multi_shot=maybe", "multi_shot")]
    [InlineData("colour=red", "colour")]
    [InlineData("image-url=https://example.com/a.jpg", "image_url")]
    [InlineData("prompt", "prompt")]
    [InlineData("duration:5", "duration")]
    [InlineData("=5", "=5")]
    public void Should_throw_a_format_error_naming_the_key(string pair, string key)
    {
        // Act
        var parse = () => VideoOptionsParser.Parse(new VideoOptions(), [pair]);

        // Assert
        parse.ShouldThrow<FormatException>().Message.ShouldContain(key);
    }

    [Fact]
    public void Should_stop_at_the_first_bad_option()
    {
        // Act
        var parse = () => VideoOptionsParser.Parse(new VideoOptions(), ["duration=5", "mood=happy", "duration=x"]);

        // Assert
        parse.ShouldThrow<FormatException>().Message.ShouldContain("mood");
    }

    [Theory]
    [InlineData("multi_prompt=[{\"prompt\":\"a cat")]
    [InlineData("""multi_prompt=[{"duration":3}]""")]
    public void Should_name_multi_prompt_when_its_json_is_not_valid_shots(string pair)
    {
        // Act
        var parse = () => VideoOptionsParser.Parse(new VideoOptions(), [pair]);

        // Assert
        parse.ShouldThrow<FormatException>().Message.ShouldContain("multi_prompt");
    }
}
