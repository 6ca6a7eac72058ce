using System.Net.Security;
using System.Security.Authentication;

namespace VideoPlatform.Cli.Tests;

/// <summary>What the bus is handed for an <c>amqps://</c> broker: TLS that checks the certificate, which MassTransit alone does not.</summary>
public sealed class When_connecting_over_tls
{
    [Fact]
    public void Should_turn_tls_on_and_check_the_certificate_against_the_host_name()
    {
        // Act
        var settings = BrokerUri.Parse("amqps://video:s3cret@rabbit.example.com/platform").HostSettings();

        // Assert
        settings.Ssl.ShouldBeTrue();
        settings.SslServerName.ShouldBe("rabbit.example.com");
        settings.AcceptablePolicyErrors.ShouldBe(SslPolicyErrors.None);
        settings.SslProtocol.ShouldBe(SslProtocols.Tls12 | SslProtocols.Tls13);
    }

    [Fact]
    public void Should_hand_the_bus_the_host_port_virtual_host_and_credentials()
    {
        // Act
        var settings = BrokerUri.Parse("amqp://video:s3cret@rabbit.example.com:5673/%2F").HostSettings();

        // Assert
        settings.Ssl.ShouldBeFalse();
        settings.Host.ShouldBe("rabbit.example.com");
        settings.Port.ShouldBe(5673);
        settings.VirtualHost.ShouldBe("/");
        settings.Username.ShouldBe("video");
        settings.Password.ShouldBe("s3cret");
    }
}
