namespace VideoPlatform.Providers.Tests.Validation;

/// <summary>
/// Seeds 002 and 004 constrain the image file (.jpg/.jpeg/.png), not the URL's path: signed and CDN links rarely end
/// in a file name, so only the scheme is ours to check and the format is the provider's.
/// </summary>
public sealed class When_an_image_url_names_no_file
{
    private const string Image = "https://cdn.example.com/frames/first.jpg";

    public static TheoryData<string> SignedOrCdnUrls =>
    [
        "https://cdn.example.com/img/abc123?sig=9f8e7d&exp=1767225600",
        "https://images.example.com/render?format=jpg&id=42",
        "https://cdn.example.com/img/abc123",
        "https://cdn.example.com/a.webp",
        "http://cdn.example.com/img/abc123",
    ];

    public static TheoryData<string> NotHttpUrls =>
    [
        "ftp://files.example.com/first.jpg",
        "file:///tmp/first.jpg",
        "https:///first.jpg",
    ];

    [Theory]
    [MemberData(nameof(SignedOrCdnUrls))]
    public void Should_let_MyRouter_image_and_end_image_through(string url)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.MyRouter.Validate(new VideoOptions { Image = url, EndImage = url, Prompt = "a cat turns its head" });

        // Assert
        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }

    [Theory]
    [MemberData(nameof(SignedOrCdnUrls))]
    public void Should_let_EvoLink_image_start_and_image_end_through(string url)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(new VideoOptions { Image = url, EndImage = url, Prompt = "a cat turns its head" });

        // Assert
        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }

    [Theory]
    [MemberData(nameof(NotHttpUrls))]
    public void Should_refuse_a_MyRouter_image_no_server_can_fetch(string url)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.MyRouter.Validate(new VideoOptions { Image = url, EndImage = url, Prompt = "a cat turns its head" });

        // Assert
        violations.Select(v => (v.Field, v.Rule)).ShouldBe([("image", "format"), ("end_image", "format")], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(NotHttpUrls))]
    public void Should_refuse_an_EvoLink_image_no_server_can_fetch(string url)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(new VideoOptions { Image = Image, EndImage = url, Prompt = "a cat turns its head" });

        // Assert
        violations.Select(v => (v.Field, v.Rule)).ShouldBe([("image_end", "format")]);
    }
}
