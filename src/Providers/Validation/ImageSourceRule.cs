namespace VideoPlatform.Providers.Validation;

/// <summary>
/// Where an image comes from, as far as it can be judged without fetching it: an http(s) URL a server can download,
/// or (where the seed allows it) the image inline. The file rules of seeds 002 and 004 (.jpg/.jpeg/.png, ≤ 10 MB,
/// ≥ 300 px, aspect 1:2.5–2.5:1) are about the file, not the URL's path: signed and CDN links
/// (<c>…/img/abc123?sig=…</c>, <c>?format=jpg</c>) name no extension, so the file is left to the provider,
/// whose 400 comes back as a Rejected submit.
/// </summary>
internal static class ImageSourceRule
{
    /// <summary>Passes when the field is absent; a present value must be an absolute http(s) URL with a host.</summary>
    public static RuleSet ImageUrl(this RuleSet rules, string field, string? value)
    {
        if (value is null)
            return rules;
        if (string.IsNullOrWhiteSpace(value))
            return rules.Violation(field, "length", $"{field} must not be empty");
        return IsHttpUrl(value)
            ? rules
            : rules.Violation(field, "format", $"{field} must be an http(s) URL the provider can download; inline images (base64, data:) are not accepted here");
    }

    /// <summary>
    /// Passes when the field is absent; a present value must be an http(s) URL or inline (base64 or a <c>data:</c> URI).
    /// Base64 has no ':' in its alphabet, so a value naming another scheme (<c>ftp://</c>, <c>file://</c>) is neither.
    /// </summary>
    public static RuleSet ImageUrlOrInline(this RuleSet rules, string field, string? value)
    {
        if (value is null)
            return rules;
        if (string.IsNullOrWhiteSpace(value))
            return rules.Violation(field, "length", $"{field} must not be empty");
        var inline = !value.Contains(':') || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase);
        return inline || IsHttpUrl(value)
            ? rules
            : rules.Violation(field, "format", $"{field} must be an http(s) URL or an inline image (base64 or data:)");
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
