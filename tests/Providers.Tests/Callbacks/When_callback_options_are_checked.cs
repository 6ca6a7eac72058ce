using System.ComponentModel.DataAnnotations;
using VideoPlatform.Providers.Callbacks;

namespace VideoPlatform.Providers.Tests.Callbacks;

public class When_callback_options_are_checked
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("https://video.example.com", false)]
    [InlineData("https://video.example.com/platform/", false)]
    [InlineData("http://127.0.0.1:5082", true)]
    public void Should_accept(string? publicBaseUrl, bool allowHttp) =>
        Problems(publicBaseUrl, allowHttp).ShouldBeEmpty();

    [Theory]
    [InlineData("http://video.example.com", false, "must be https")]
    [InlineData("video.example.com", false, "not an absolute http(s) URL")]
    [InlineData("ftp://video.example.com", true, "not an absolute http(s) URL")]
    [InlineData("https://video.example.com/?token=1", false, "query or fragment")]
    public void Should_refuse(string publicBaseUrl, bool allowHttp, string expected) =>
        Problems(publicBaseUrl, allowHttp).ShouldHaveSingleItem().ShouldContain(expected);

    [Fact]
    public void Should_build_no_url_when_not_configured() =>
        new CallbackUrls(Microsoft.Extensions.Options.Options.Create(new CallbackOptions())).For("evolink", Guid.NewGuid()).ShouldBeNull();

    private static List<string> Problems(string? publicBaseUrl, bool allowHttp)
    {
        // With a valid signing key, so only the base URL is judged (keys: When_callback_urls_are_signed).
        var options = new CallbackOptions { PublicBaseUrl = publicBaseUrl, AllowHttp = allowHttp, SigningKey = new string('k', 32) };
        return options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();
    }
}
