using System.Net.Security;
using System.Security.Authentication;
using MassTransit;
using MassTransit.RabbitMqTransport.Configuration;

namespace VideoPlatform.Cli;

/// <summary>
/// Where the CLI's bus connects and as whom. A class rather than a record so that no generated <c>ToString</c>
/// prints the password: <see cref="ToString"/> is the one form fit for messages.
/// </summary>
internal sealed class BrokerAddress(string host, int port, string virtualHost, string username, string password, bool useTls)
{
    public const int AmqpPort = 5672;
    public const int AmqpsPort = 5671;

    public string Host { get; } = host;
    public int Port { get; } = port;
    public string VirtualHost { get; } = virtualHost;
    public string Username { get; } = username;
    public string Password { get; } = password;
    public bool UseTls { get; } = useTls;

    /// <summary>The address without the password, e.g. <c>amqps://user@host:5671/vhost</c>.</summary>
    public override string ToString() =>
        $"{(UseTls ? "amqps" : "amqp")}://{Uri.EscapeDataString(Username)}@{HostForUri}:{Port}/{Uri.EscapeDataString(VirtualHost)}";

    /// <summary>The settings MassTransit connects with.</summary>
    public RabbitMqHostSettings HostSettings()
    {
        var host = new RabbitMqHostConfigurator(Host, VirtualHost, (ushort)Port);
        host.Username(Username);
        host.Password(Password);
        // MassTransit turns TLS on by itself for port 5671; wherever it is on, it checks the certificate.
        if (UseTls || host.Settings.Ssl)
            host.UseSsl(tls =>
            {
                tls.ServerName = Host;
                tls.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                // MassTransit accepts an untrusted certificate chain by default; a broker reached over TLS must prove who it is.
                tls.EnforcePolicyErrors(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch
                    | SslPolicyErrors.RemoteCertificateNotAvailable);
            });
        return host.Settings;
    }

    private string HostForUri => Host.Contains(':') ? $"[{Host}]" : Host;
}
