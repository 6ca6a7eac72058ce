using System.Net;
using System.Net.Sockets;
using VideoPlatform.Providers.Validation;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>
/// EvoLink's callback rules: an absolute https URL of at most 2048 characters whose host is not internal.
/// Only literal addresses and <c>localhost</c> can be judged here; a public name that resolves to an internal
/// address needs DNS, which a validator must not depend on, so that case is left to EvoLink's own check.
/// </summary>
internal static class CallbackUrlRule
{
    private const int MaxLength = 2048;

    /// <summary>Passes when the field is absent.</summary>
    public static RuleSet CallbackUrl(this RuleSet rules, string field, string? value)
    {
        if (value is null)
            return rules;
        if (value.Length > MaxLength)
            return rules.Violation(field, "length", $"{field} must be at most {MaxLength} characters, got {value.Length}");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0)
            return rules.Violation(field, "format", $"{field} must be an absolute https URL");
        return IsInternalHost(uri)
            ? rules.Violation(field, "internal_address", $"{field} must not point at a loopback, private or link-local host, got {uri.Host}")
            : rules;
    }

    private static bool IsInternalHost(Uri uri)
    {
        // DnsSafeHost drops IPv6 brackets; Uri has already normalised forms like 2130706433 or 0x7f.1 to dotted IPv4.
        var host = uri.DnsSafeHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            // Names under .localhost resolve to loopback by definition (RFC 6761).
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host, out var address) && IsInternal(address);
    }

    private static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return IPAddress.IsLoopback(address)
                || address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal                      // fe80::/10
                || (address.GetAddressBytes()[0] & 0xFE) == 0xFC; // fc00::/7, unique local

        var b = address.GetAddressBytes();
        return b[0] == 127                                  // loopback 127/8
            || b[0] == 10                                   // 10/8
            || (b[0] == 172 && b[1] is >= 16 and <= 31)     // 172.16/12
            || (b[0] == 192 && b[1] == 168)                 // 192.168/16
            || (b[0] == 169 && b[1] == 254)                 // link-local 169.254/16
            || b[0] == 0;                                   // 0/8 "this host": 0.0.0.0 reaches the local machine
    }
}
