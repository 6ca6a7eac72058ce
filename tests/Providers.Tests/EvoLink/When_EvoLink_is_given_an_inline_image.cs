namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>Seed 004 takes image_start and image_end as URLs only: base64 would earn a certain 400, so it is refused by name.</summary>
public sealed class When_EvoLink_is_given_an_inline_image
{
    private const string Url = "https://cdn.example.com/frames/first.jpg";

    public static TheoryData<string> InlineImages =>
    [
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB",
        "/9j/4AAQSkZJRgABAQAAAQABAAD",
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB",
    ];

    [Theory]
    [MemberData(nameof(InlineImages))]
    public void Should_refuse_it_as_image_start(string inline)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(new VideoOptions { Image = inline, Prompt = "a cat turns its head" });

        // Assert
        var violation = violations.ShouldHaveSingleItem();
        (violation.Field, violation.Rule).ShouldBe(("image_start", "format"));
        violation.Message.ShouldContain("URL");
    }

    [Theory]
    [MemberData(nameof(InlineImages))]
    public void Should_refuse_it_as_image_end(string inline)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(new VideoOptions { Image = Url, EndImage = inline, Prompt = "a cat turns its head" });

        // Assert
        var violation = violations.ShouldHaveSingleItem();
        (violation.Field, violation.Rule).ShouldBe(("image_end", "format"));
        violation.Message.ShouldContain("URL");
    }
}
