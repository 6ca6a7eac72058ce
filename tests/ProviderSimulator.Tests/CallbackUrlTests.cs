using ProviderSimulator.Callbacks;

namespace ProviderSimulator.Tests;

public sealed class CallbackUrlTests
{
    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("https://172.15.0.1/hook")]
    [InlineData("https://172.32.0.1/hook")]
    [InlineData("https://8.8.8.8:8443/hook?x=1")]
    [InlineData("https://[2001:db8::1]/hook")]
    public void Public_https_url_is_accepted(string url) =>
        CallbackUrl.Problem("callback_url", url, allowInsecure: false).ShouldBeNull();

    [Theory]
    [InlineData("http://example.com/hook", "https")]
    [InlineData("https://127.0.0.1/hook", "internal")]
    [InlineData("https://127.8.9.10/hook", "internal")]
    [InlineData("https://10.0.0.5/hook", "internal")]
    [InlineData("https://172.16.0.1/hook", "internal")]
    [InlineData("https://172.31.255.255/hook", "internal")]
    [InlineData("https://192.168.1.1/hook", "internal")]
    [InlineData("https://169.254.169.254/latest", "internal")]
    [InlineData("https://localhost/hook", "internal")]
    [InlineData("https://LOCALHOST:8443/hook", "internal")]
    [InlineData("https://[::1]/hook", "internal")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "internal")]
    [InlineData("https://[fd00::1]/hook", "internal")]
    [InlineData("/relative/hook", "absolute")]
    [InlineData("ftp://example.com/hook", "absolute")]
    [InlineData("not a url", "absolute")]
    public void Insecure_or_internal_url_is_refused_with_the_reason(string url, string reason) =>
        CallbackUrl.Problem("callback_url", url, allowInsecure: false).ShouldNotBeNull().ShouldContain(reason);

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.0.0.5/hook")]
    public void Switch_lifts_the_https_and_internal_rules(string url) =>
        CallbackUrl.Problem("callback_url", url, allowInsecure: true).ShouldBeNull();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Length_limit_holds_with_or_without_the_switch(bool allowInsecure)
    {
        var longest = "https://example.com/" + new string('a', CallbackUrl.MaxLength - "https://example.com/".Length);

        CallbackUrl.Problem("callback_url", longest, allowInsecure).ShouldBeNull();
        CallbackUrl.Problem("callback_url", longest + "a", allowInsecure).ShouldNotBeNull().ShouldContain("2048");
    }

    [Fact]
    public void Switch_still_requires_an_absolute_http_url() =>
        CallbackUrl.Problem("extra.webhook.url", "file:///etc/passwd", allowInsecure: true)
            .ShouldNotBeNull().ShouldStartWith("extra.webhook.url");
}
