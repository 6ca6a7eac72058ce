using VideoPlatform.Archiver.Safety;

namespace VideoPlatform.Archiver.Tests.Safety;

public class When_a_source_url_is_checked
{
    private readonly SourcePolicy policy = new(HostAllowList.Parse(["127.0.0.1:5080"]));

    [Theory]
    [InlineData("ftp://cdn.example.com/video.mp4")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://cdn.example.com/")]
    public void Should_refuse_anything_but_http_and_https(string url)
    {
        var refusal = policy.Refusal(new Uri(url));

        refusal.ShouldNotBeNull().ShouldContain("not an http(s) URL");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5081/v.mp4", "loopback")]
    [InlineData("http://10.0.0.1/", "private")]
    [InlineData("http://172.20.1.2/", "private")]
    [InlineData("http://192.168.1.1/", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://100.64.0.7/", "carrier-grade NAT")]
    [InlineData("http://0.0.0.0:5080/", "unspecified")]
    [InlineData("http://2130706433/", "loopback")]
    [InlineData("http://0x7f.0.0.1/", "loopback")]
    [InlineData("http://[::1]/", "loopback")]
    [InlineData("http://[fd12:3456::1]/", "unique local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://[::ffff:10.1.2.3]/", "private")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", "link-local")]
    [InlineData("http://[64:ff9b:1::a00:1]/", "local-use NAT64")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "Teredo")]
    [InlineData("https://224.0.0.1/", "multicast")]
    public void Should_refuse_an_internal_address(string url, string kind)
    {
        var refusal = policy.Refusal(new Uri(url));

        refusal.ShouldNotBeNull().ShouldEndWith($"a {kind} address");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/media/task-1.mp4")]
    [InlineData("https://93.184.216.34/video.mp4")]
    [InlineData("https://[2606:4700:4700::1111]/video.mp4")]
    [InlineData("https://cdn.example.com/video.mp4?signature=abc")]
    public void Should_let_allow_listed_and_public_hosts_through(string url)
    {
        var refusal = policy.Refusal(new Uri(url));

        refusal.ShouldBeNull();
    }

    [Fact]
    public void Should_leave_the_query_out_of_what_it_logs()
    {
        var described = SourcePolicy.Describe(new Uri("https://cdn.example.com/v.mp4?X-Amz-Signature=secret"));

        described.ShouldBe("https://cdn.example.com/v.mp4");
    }
}
