using System.Net;
using System.Net.Sockets;

namespace ProviderSimulator.Callbacks;

/// <summary>
/// The rule EvoLink states for <c>callback_url</c> (and the simulator applies to MyRouter's webhook too): an absolute
/// https URL of at most 2048 characters whose host is not internal, so a provider cannot be made to call into
/// its own network.
/// </summary>
public static class CallbackUrl
{
    public const int MaxLength = 2048;

    /// <param name="allowInsecure">
    /// Lifts the https and internal-host rules, because local tests and the demo receive callbacks on
    /// http://127.0.0.1; the length and absolute-URL rules stay.
    /// </param>
    /// <returns>What is wrong, or null when the URL is acceptable.</returns>
    public static string? Problem(string field, string url, bool allowInsecure)
    {
        if (url.Length > MaxLength)
            return $"{field} must be at most {MaxLength} characters";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return $"{field} must be an absolute http(s) URL";
        if (allowInsecure)
            return null;
        if (uri.Scheme != Uri.UriSchemeHttps)
            return $"{field} must use https";
        return IsInternal(uri) ? $"{field} must not point to an internal address" : null;
    }

    /// <summary>
    /// Judges the host as written. A public name that resolves to an internal address is not caught: the simulator
    /// does not resolve names, and a test has no public name to point at anyway.
    /// </summary>
    private static bool IsInternal(Uri uri)
    {
        if (uri.HostNameType == UriHostNameType.Dns)
            return uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                   || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        if (!IPAddress.TryParse(uri.DnsSafeHost, out var address))
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;

        var b = address.GetAddressBytes();
        return b[0] == 10
               || (b[0] == 172 && b[1] is >= 16 and <= 31)
               || (b[0] == 192 && b[1] == 168)
               // Link-local holds the cloud metadata service, the usual target of a crafted callback.
               || (b[0] == 169 && b[1] == 254);
    }
}
