using VideoPlatform.Providers.EvoLink;
using VideoPlatform.Providers.Validation;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>EvoLink's callback rules: absolute https, at most 2048 characters, no internal host.</summary>
public sealed class When_a_callback_url_is_checked
{
    [Theory]
    [InlineData("https://hooks.example.com/video-done")]
    [InlineData("https://hooks.example.com:8443/a/b?c=d#e")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://172.15.255.255/hook")]
    [InlineData("https://172.32.0.1/hook")]
    [InlineData("https://192.169.0.1/hook")]
    [InlineData("https://169.255.0.1/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    [InlineData("https://[fe00::1]/hook")]
    [InlineData("https://localhost.example.com/hook")]
    public void Should_accept_a_public_https_url(string url) =>
        Check(url).ShouldBeEmpty();

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.8.9.10/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://172.31.255.255/hook")]
    [InlineData("https://192.168.1.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://LOCALHOST./hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::]/hook")]
    [InlineData("https://[fc00::1]/hook")]
    [InlineData("https://[fd12:3456::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[febf::1]/hook")]
    [InlineData("https://[::ffff:192.168.0.1]/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://0x7f.1/hook")]
    public void Should_reject_an_internal_host(string url) =>
        Check(url).ShouldHaveSingleItem().Rule.ShouldBe("internal_address");

    [Theory]
    [InlineData("http://hooks.example.com/done")]
    [InlineData("ftp://hooks.example.com/done")]
    [InlineData("hooks.example.com/done")]
    [InlineData("/done")]
    [InlineData("")]
    public void Should_reject_anything_but_an_absolute_https_url(string url) =>
        Check(url).ShouldHaveSingleItem().Rule.ShouldBe("format");

    [Fact]
    public void Should_reject_more_than_2048_characters() =>
        Check("https://hooks.example.com/" + Text.OfLength(2049)).ShouldHaveSingleItem().Rule.ShouldBe("length");

    [Fact]
    public void Should_pass_when_absent() =>
        Check(null).ShouldBeEmpty();

    private static IReadOnlyList<RuleViolation> Check(string? url) =>
        new RuleSet().CallbackUrl("callback_url", url).Violations;
}
