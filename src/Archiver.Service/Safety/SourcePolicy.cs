using System.Net;

namespace VideoPlatform.Archiver.Safety;

/// <summary>
/// Which URLs the archiver may fetch, so that a crafted result URL cannot make it reach internal services:
/// http(s) only, and a host on the allow-list or one whose every address is public. URLs are checked before each
/// request (the first and every redirect hop), and the addresses a name resolves to are checked again when the
/// connection is opened, so a DNS name pointing inside is refused too.
/// </summary>
public sealed class SourcePolicy(HostAllowList allowList)
{
    /// <summary>Why this URL must not be requested, or null when it may be (a name's addresses are checked on connect).</summary>
    public string? Refusal(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            return $"'{Describe(url)}' is not an http(s) URL";
        if (allowList.Allows(url.IdnHost, url.Port))
            return null;
        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) && InternalAddresses.KindOf(address) is { } kind
            ? $"{url.IdnHost} is a {kind} address"
            : null;
    }

    /// <summary>The addresses to connect to for this host, all checked; throws <see cref="SourceRefusedException"/> otherwise.</summary>
    public async Task<IPAddress[]> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        var bare = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(bare, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(bare, cancellationToken);
        if (allowList.Allows(host, port))
            return addresses;
        // One internal address is enough to refuse: which address the connection ends up using is not ours to choose.
        foreach (var address in addresses)
        {
            if (InternalAddresses.KindOf(address) is { } kind)
                throw new SourceRefusedException(literal is null ? $"{host} resolves to {address}, a {kind} address" : $"{host} is a {kind} address");
        }
        return addresses;
    }

    /// <summary>A URL as it may appear in logs and events: without its query, which often carries a signature.</summary>
    public static string Describe(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.OriginalString;
}
