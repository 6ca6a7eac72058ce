using System.Net;

namespace VideoPlatform.Archiver.Safety;

/// <summary>
/// Addresses a result URL must not make us reach: our own machine, the private network around it, the cloud
/// metadata service (link-local), and anything that is not an ordinary unicast host.
/// </summary>
public static class InternalAddresses
{
    private static readonly (IPNetwork Network, string Kind)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "local-use NAT64"),
        (IPNetwork.Parse("2001::/32"), "Teredo"),
        (IPNetwork.Parse("fc00::/7"), "unique local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    // IPv6 forms that carry an IPv4 address inside, which is what would really be reached.
    private static readonly (IPNetwork Network, int Offset)[] Embedding =
    [
        (IPNetwork.Parse("::ffff:0:0/96"), 12),
        (IPNetwork.Parse("::/96"), 12),
        (IPNetwork.Parse("64:ff9b::/96"), 12),
        (IPNetwork.Parse("2002::/16"), 2),
    ];

    /// <summary>What kind of internal address this is ("loopback", "private", …), or null for a public one.</summary>
    public static string? KindOf(IPAddress address)
    {
        if (Match(address) is { } kind)
            return kind;
        foreach (var (network, offset) in Embedding)
        {
            if (network.Contains(address))
                return Match(new IPAddress(address.GetAddressBytes().AsSpan(offset, 4)));
        }
        return null;
    }

    private static string? Match(IPAddress address)
    {
        foreach (var (network, kind) in Ranges)
        {
            if (network.Contains(address))
                return kind;
        }
        return null;
    }
}
