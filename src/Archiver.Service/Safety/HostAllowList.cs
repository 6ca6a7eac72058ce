using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace VideoPlatform.Archiver.Safety;

/// <summary>
/// <c>Archive:AllowedHosts</c>: entries <c>host</c> (any port) or <c>host:port</c>; IPv6 as <c>[::1]:5080</c>.
/// Host names are compared case-insensitively, addresses in their canonical form.
/// </summary>
public sealed class HostAllowList
{
    private readonly HashSet<string> anyPort = [];
    private readonly HashSet<string> exact = [];

    public static bool TryParse(IEnumerable<string> entries, [NotNullWhen(true)] out HostAllowList? list, [NotNullWhen(false)] out string? invalid)
    {
        var parsed = new HostAllowList();
        foreach (var entry in entries)
        {
            if (!TrySplit(entry.Trim(), out var host, out var port))
            {
                list = null;
                invalid = entry;
                return false;
            }
            if (port is null)
                parsed.anyPort.Add(host);
            else
                parsed.exact.Add($"{host}:{port}");
        }
        list = parsed;
        invalid = null;
        return true;
    }

    /// <summary>For entries already validated with <see cref="TryParse"/> (options validation does it at start).</summary>
    public static HostAllowList Parse(IEnumerable<string> entries) =>
        TryParse(entries, out var list, out var invalid) ? list : throw new FormatException($"'{invalid}' is not host or host:port");

    public bool Allows(string host, int port)
    {
        var normalized = Normalize(host);
        return anyPort.Contains(normalized) || exact.Contains($"{normalized}:{port}");
    }

    /// <summary>Brackets dropped, lower case, no trailing dot, addresses in canonical form: one spelling per host.</summary>
    public static string Normalize(string host)
    {
        var bare = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        return IPAddress.TryParse(bare, out var address) ? address.ToString() : bare;
    }

    private static bool TrySplit(string entry, [NotNullWhen(true)] out string? host, out int? port)
    {
        host = null;
        port = null;
        string hostPart;
        string? portPart = null;
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']');
            if (close < 0)
                return false;
            hostPart = entry[1..close];
            var rest = entry[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                    return false;
                portPart = rest[1..];
            }
        }
        else if (entry.Count(c => c == ':') == 1)
        {
            hostPart = entry[..entry.IndexOf(':')];
            portPart = entry[(entry.IndexOf(':') + 1)..];
        }
        else
        {
            hostPart = entry;
        }

        if (Uri.CheckHostName(hostPart) == UriHostNameType.Unknown)
            return false;
        if (portPart is not null)
        {
            if (!int.TryParse(portPart, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
                return false;
            port = number;
        }
        host = Normalize(hostPart);
        return true;
    }
}
