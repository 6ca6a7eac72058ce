using VideoPlatform.Archiver.Safety;

namespace VideoPlatform.Archiver.Tests.Safety;

public class When_a_host_is_matched_against_the_allow_list
{
    [Theory]
    [InlineData("127.0.0.1:5080", "127.0.0.1", 5080)]
    [InlineData("localhost:5080", "LOCALHOST", 5080)]
    [InlineData("simulator", "simulator", 8080)]
    [InlineData("cdn.example.com.", "cdn.example.com", 443)]
    [InlineData("[::1]:5080", "[::1]", 5080)]
    [InlineData("::1", "::1", 9)]
    public void Should_allow_a_listed_host(string entry, string host, int port)
    {
        var list = HostAllowList.Parse([entry]);

        var allowed = list.Allows(host, port);

        allowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("127.0.0.1:5080", "127.0.0.1", 5081)]
    [InlineData("localhost:5080", "127.0.0.1", 5080)]
    [InlineData("simulator", "simulator.evil.example", 80)]
    public void Should_refuse_another_port_or_host(string entry, string host, int port)
    {
        var list = HostAllowList.Parse([entry]);

        var allowed = list.Allows(host, port);

        allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:")]
    [InlineData("host/path")]
    [InlineData("")]
    [InlineData("[::1")]
    public void Should_reject_an_entry_that_is_not_host_or_host_and_port(string entry)
    {
        var parsed = HostAllowList.TryParse([entry], out _, out var invalid);

        parsed.ShouldBeFalse();
        invalid.ShouldBe(entry);
    }

    [Fact]
    public void Should_fail_options_validation_naming_the_bad_entry()
    {
        var options = new ArchiveOptions { AllowedHosts = ["127.0.0.1:5080", "http://simulator"] };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        results.ShouldHaveSingleItem().ErrorMessage.ShouldNotBeNull().ShouldContain("'http://simulator'");
    }
}
