namespace VideoPlatform.Cli.Tests;

/// <summary>image_list, images and videos take comma-separated values.</summary>
public sealed class When_an_option_holds_a_list
{
    [Theory]
    [InlineData("image_list")]
    [InlineData("images")]
    [InlineData("videos")]
    [InlineData("element_ids")]
    public void Should_split_on_commas_trim_each_item_and_drop_empty_ones(string key)
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), [$"{key}= https://example.com/1 ,,https://example.com/2, "]);

        // Assert
        var list = key switch
        {
            "image_list" => options.ImageList,
            "images" => options.Images,
            "element_ids" => options.ElementIds,
            _ => options.Videos,
        };
        list.ShouldBe(["https://example.com/1", "https://example.com/2"]);
    }

    [Fact]
    public void Should_split_four_images_into_four_items()
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), ["image_list=a.jpg,b.jpg,c.jpg,d.jpg"]);

        // Assert
        options.ImageList.ShouldBe(["a.jpg", "b.jpg", "c.jpg", "d.jpg"]);
    }

    [Fact]
    public void Should_give_an_empty_list_for_an_empty_value()
    {
        // Act
        var options = VideoOptionsParser.Parse(new VideoOptions(), ["images="]);

        // Assert
        options.Images.ShouldNotBeNull().ShouldBeEmpty();
    }
}
