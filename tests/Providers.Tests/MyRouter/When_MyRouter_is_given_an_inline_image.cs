namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>
/// Seed 002 gives <c>image</c> as "first frame image" (no form stated, so URL or inline both pass) but
/// <c>end_image</c> as an "End frame image URL": an inline end frame is refused by name.
/// </summary>
public sealed class When_MyRouter_is_given_an_inline_image
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
    public void Should_take_it_as_image(string inline)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.MyRouter.Validate(new VideoOptions { Image = inline, Prompt = "a cat turns its head" });

        // Assert
        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }

    [Theory]
    [MemberData(nameof(InlineImages))]
    public void Should_refuse_it_as_end_image(string inline)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.MyRouter.Validate(new VideoOptions { Image = Url, EndImage = inline, Prompt = "a cat turns its head" });

        // Assert
        var violation = violations.ShouldHaveSingleItem();
        (violation.Field, violation.Rule).ShouldBe(("end_image", "format"));
        violation.Message.ShouldContain("URL");
    }
}
