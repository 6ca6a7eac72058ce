using System.Net;
using VideoPlatform.Archiver.Safety;

namespace VideoPlatform.Archiver.Tests.Safety;

/// <summary>
/// The connection-time check, on the addresses a name resolves to. "localhost" is the one name that resolves
/// inside on every machine, and even if the check failed it would only reach this machine.
/// </summary>
public class When_a_host_name_resolves_inside
{
    [Fact]
    public async Task Should_refuse_it_unless_it_is_allow_listed()
    {
        var policy = new SourcePolicy(HostAllowList.Parse(["127.0.0.1:5080"]));

        var refused = await Should.ThrowAsync<SourceRefusedException>(() => policy.ResolveAsync("localhost", 5080, CancellationToken.None));

        refused.Message.ShouldStartWith("localhost resolves to ");
        refused.Message.ShouldEndWith("a loopback address");
    }

    [Fact]
    public async Task Should_connect_to_it_when_it_is_allow_listed()
    {
        var policy = new SourcePolicy(HostAllowList.Parse(["localhost:5080"]));

        var addresses = await policy.ResolveAsync("localhost", 5080, CancellationToken.None);

        addresses.ShouldNotBeEmpty();
        addresses.ShouldAllBe(a => IPAddress.IsLoopback(a));
    }

    [Theory]
    [InlineData("10.0.0.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("[fd00::1]", "unique local")]
    public async Task Should_refuse_an_internal_literal_without_resolving_anything(string host, string kind)
    {
        var policy = new SourcePolicy(HostAllowList.Parse([]));

        var refused = await Should.ThrowAsync<SourceRefusedException>(() => policy.ResolveAsync(host, 80, CancellationToken.None));

        refused.Message.ShouldBe($"{host} is a {kind} address");
    }
}
