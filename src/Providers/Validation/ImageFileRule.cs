namespace VideoPlatform.Providers.Validation;

/// <summary>
/// The documented image formats (.jpg, .jpeg, .png), checked on what can be seen without fetching the image:
/// the extension of an http(s) URL's path. Base64 and <c>data:</c> URLs carry no file name, so they pass.
/// The size (≤ 10 MB), pixel (≥ 300 px a side) and aspect (1:2.5–2.5:1) rules need the image itself, so they
/// are left to the provider, whose 400 comes back as a Rejected submit. Shared with EvoLink, whose seed states
/// the same formats.
/// </summary>
internal static class ImageFileRule
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    /// <summary>Passes when the field is absent; a present value must be non-blank and, when a URL, name a supported format.</summary>
    public static RuleSet ImageFile(this RuleSet rules, string field, string? value)
    {
        if (value is null)
            return rules;
        if (string.IsNullOrWhiteSpace(value))
            return rules.Violation(field, "length", $"{field} must not be empty");
        // Base64 may start with '/', which Uri reads as an absolute file path on Unix: only http(s) counts as a URL.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return rules;

        var extension = Path.GetExtension(uri.AbsolutePath);
        return Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? rules
            : rules.Violation(field, "format",
                $"{field} must be a .jpg, .jpeg or .png image, got {(extension.Length == 0 ? "a URL without a file extension" : extension)}");
    }
}
