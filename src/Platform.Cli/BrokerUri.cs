using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VideoPlatform.Cli;

/// <summary>
/// Reads <c>amqp[s]://user:password@host[:port][/vhost]</c> as RabbitMQ's URI spec writes it, strictly: anything the
/// spec would read differently from what the user meant is refused rather than guessed. An error never quotes the URI,
/// because any part of a malformed one may be the password.
/// </summary>
internal static class BrokerUri
{
    private const string DefaultUser = "guest";
    private const string DefaultVirtualHost = "/";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="FormatException">The URI is malformed; the message says why and never quotes the URI.</exception>
    public static BrokerAddress Parse(string uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
            throw Malformed("it is empty");
        var (useTls, rest) = Scheme(uri);
        if (rest.Contains('#'))
            throw Malformed("a fragment ('#…') has no meaning here; a '#' in the password must be written %23");
        if (rest.Contains('?'))
            throw Malformed("query parameters ('?…') are not supported; a '?' in the password must be written %3F");
        foreach (var c in rest)
            if (c <= ' ' || c >= 0x7F)
                throw Malformed("it holds a space, a control or a non-ASCII character; such characters must be percent-encoded");

        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[slash..];

        var at = authority.IndexOf('@');
        if (at != authority.LastIndexOf('@'))
            throw Malformed("it holds more than one '@'; an '@' in the user name or password must be written %40");
        var (username, password) = at < 0 ? (DefaultUser, DefaultUser) : UserInfo(authority[..at]);
        // The path first: an '@' there means a raw '/' in the password cut the authority short, whatever it then holds.
        var virtualHost = VirtualHost(path);
        var (host, port) = HostAndPort(at < 0 ? authority : authority[(at + 1)..], useTls);
        return new BrokerAddress(host, port, virtualHost, username, password, useTls);
    }

    private static (bool UseTls, string Remainder) Scheme(string uri)
    {
        var separator = uri.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
            throw Malformed("it must start with amqp:// or amqps://");
        return uri[..separator].ToLowerInvariant() switch
        {
            "amqp" => (false, uri[(separator + 3)..]),
            "amqps" => (true, uri[(separator + 3)..]),
            _ => throw Malformed("the scheme must be amqp or amqps"),
        };
    }

    private static (string Username, string Password) UserInfo(string userInfo)
    {
        var colon = userInfo.IndexOf(':');
        if (colon < 0)
            throw Malformed("it names a user but no password (user:password@host)");
        var username = Decode(userInfo[..colon], "user name");
        var password = Decode(userInfo[(colon + 1)..], "password");
        if (username.Length == 0)
            throw Malformed("the user name is empty");
        if (password.Length == 0)
            throw Malformed("the password is empty");
        return (username, password);
    }

    private static (string Host, int Port) HostAndPort(string hostPort, bool useTls)
    {
        string host;
        string? port;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0)
                throw Malformed("the host's IPv6 address has no closing ']'");
            host = hostPort[1..close];
            if (!IPAddress.TryParse(host, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
                throw Malformed("the host in [ ] is not an IPv6 address");
            var after = hostPort[(close + 1)..];
            if (after.Length > 0 && after[0] != ':')
                throw Malformed("only ':port' may follow the host's IPv6 address");
            port = after.Length > 0 ? after[1..] : null;
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            port = colon < 0 ? null : hostPort[(colon + 1)..];
            if (!IsHostName(host))
                throw Malformed(host.Length == 0
                    ? "it names no host"
                    : "the host must be a name (letters, digits, '-', '_', '.') or an IP address; a '/' in the password must be written %2F");
        }
        return (host, port is null ? (useTls ? BrokerAddress.AmqpsPort : BrokerAddress.AmqpPort) : Port(port));
    }

    private static bool IsHostName(string host) =>
        host.Length > 0 && host.Split('.').All(label => label.Length > 0 && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));

    private static int Port(string port) =>
        port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit) && int.Parse(port, CultureInfo.InvariantCulture) is var number and >= 1 and <= 65535
            ? number
            : throw Malformed("the port must be a number from 1 to 65535; a ':' or '/' in the password must be written %3A or %2F");

    /// <summary>No path and a bare '/' both mean the default vhost; otherwise the one segment, decoded (<c>%2F</c> is '/').</summary>
    private static string VirtualHost(string path)
    {
        if (path is "" or "/")
            return DefaultVirtualHost;
        var segment = path[1..];
        if (segment.Contains('/'))
            throw Malformed("the virtual host is more than one path segment; a '/' in the virtual host, user name or password must be written %2F");
        if (segment.Contains('@'))
            throw Malformed("an '@' follows the host; a '/' in the user name or password must be written %2F, an '@' in the virtual host %40");
        return Decode(segment, "virtual host");
    }

    /// <summary>Percent-decodes one part, refusing what the spec leaves unencoded nowhere and bytes that are not UTF-8.</summary>
    private static string Decode(string part, string what)
    {
        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '%')
            {
                if (i + 2 >= part.Length || !char.IsAsciiHexDigit(part[i + 1]) || !char.IsAsciiHexDigit(part[i + 2]))
                    throw Malformed($"the {what} holds a '%' that is not a percent escape (%XX); a '%' itself must be written %25");
                bytes.Add(byte.Parse(part.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (IsUnreservedOrSubDelimiter(c) || (what == "virtual host" && c == ':'))
                bytes.Add((byte)c);
            else
                throw Malformed($"the {what} holds a character that must be percent-encoded (only letters, digits and -._~!$&'()*+,;= may appear as they are)");
        }
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw Malformed($"the {what}'s percent escapes are not UTF-8");
        }
    }

    private static bool IsUnreservedOrSubDelimiter(char c) => char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=".Contains(c);

    private static FormatException Malformed(string reason) => new($"not a valid AMQP URI: {reason}");
}
