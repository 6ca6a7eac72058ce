namespace VideoPlatform.Cli.Tests;

/// <summary>
/// A base64 data URI has a comma of its own (<c>data:image/png;base64,AAA</c>), so a list option must not cut it:
/// it is one item, more items come from repeating the option or from a JSON array.
/// </summary>
public sealed class When_a_list_option_holds_a_data_uri
{
    private const string DataUri = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";

    public static TheoryData<string> ListKeys => new() { "image_list", "images", "videos" };

    [Theory]
    [MemberData(nameof(ListKeys))]
    public void Should_keep_the_data_uri_whole(string key)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [$"{key}={DataUri}"]);

        // Assert
        ListOf(options, key).ShouldBe([DataUri]);
    }

    [Theory]
    [MemberData(nameof(ListKeys))]
    public void Should_add_one_item_per_repeated_option(string key)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [$"{key}={DataUri}", $"{key}=https://example.com/b.jpg,https://example.com/c.jpg"]);

        // Assert
        ListOf(options, key).ShouldBe([DataUri, "https://example.com/b.jpg", "https://example.com/c.jpg"]);
    }

    [Theory]
    [MemberData(nameof(ListKeys))]
    public void Should_read_a_json_array_as_the_items(string key)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [$"""{key}=["{DataUri}", "https://example.com/b.jpg"]"""]);

        // Assert
        ListOf(options, key).ShouldBe([DataUri, "https://example.com/b.jpg"]);
    }

    [Theory]
    [MemberData(nameof(ListKeys))]
    public void Should_refuse_a_data_uri_inside_a_comma_separated_list(string key)
    {
        // Act
        var parse = () => VideoOptionsParser.Parse(new VideoOptions(), [$"{key}=https://example.com/a.jpg,{DataUri}"]);

        // Assert
        parse.ShouldThrow<FormatException>().Message.ShouldContain(key);
    }

    [Theory]
    [InlineData("image_list=[\"https://example.com/a.jpg\"")]
    [InlineData("image_list=[1, 2]")]
    [InlineData("image_list=[null]")]
    public void Should_name_the_key_when_the_json_array_is_not_a_list_of_strings(string pair)
    {
        // Act
        var parse = () => VideoOptionsParser.Parse(new VideoOptions(), [pair]);

        // Assert
        parse.ShouldThrow<FormatException>().Message.ShouldContain("image_list");
    }

    private static IReadOnlyList<string>? ListOf(VideoOptions options, string key) => key switch
    {
        "image_list" => options.ImageList,
        "images" => options.Images,
        _ => options.Videos,
    };
}
