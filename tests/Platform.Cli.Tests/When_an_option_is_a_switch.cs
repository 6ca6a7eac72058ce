namespace VideoPlatform.Cli.Tests;

/// <summary>sound, multi_shot and watermark accept the providers' on/off as well as true/false.</summary>
public sealed class When_an_option_is_a_switch
{
    [Theory]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("ON", true)]
    [InlineData("False", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData(" on ", true)]
    public void Should_read_sound(string value, bool expected)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [$"sound={value}"]);

        // Assert
        options.Sound.ShouldBe(expected);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Should_read_multi_shot(string value, bool expected)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [$"multi_shot={value}"]);

        // Assert
        options.MultiShot.ShouldBe(expected);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("false", false)]
    public void Should_read_watermark(string value, bool expected)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [$"watermark={value}"]);

        // Assert
        options.Watermark.ShouldBe(expected);
    }
}
