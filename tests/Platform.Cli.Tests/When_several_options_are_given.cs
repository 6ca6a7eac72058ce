namespace VideoPlatform.Cli.Tests;

/// <summary><c>--option</c> flags add to what <c>--prompt</c> and <c>--image</c> already set, in order.</summary>
public sealed class When_several_options_are_given
{
    private static readonly VideoOptions FromFlags = new() { Prompt = "a cat", Image = "https://example.com/a.jpg" };

    [Fact]
    public void Should_keep_the_fields_set_by_the_other_flags()
    {
        // Act
        var options = VideoOptionsParser.Parse(FromFlags, ["duration=10", "sound=off"]);

        // Assert
        options.ShouldHaveFields("""{"prompt":"a cat","image":"https://example.com/a.jpg","duration":10,"sound":false}""");
    }

    [Fact]
    public void Should_let_a_later_value_win()
    {
        // Act
        var options = VideoOptionsParser.Parse(FromFlags, ["prompt=a dog", "duration=5", "duration=10", "image_start=https://example.com/b.jpg"]);

        // Assert
        options.ShouldHaveFields("""{"prompt":"a dog","image":"https://example.com/b.jpg","duration":10}""");
    }

    [Fact]
    public void Should_return_the_starting_options_when_there_are_none()
    {
        // Act
        var options = VideoOptionsParser.Parse(FromFlags, []);

        // Assert
        options.ShouldBe(FromFlags);
    }
}
