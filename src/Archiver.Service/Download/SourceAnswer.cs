using System.Text;
using System.Text.RegularExpressions;

namespace VideoPlatform.Archiver.Download;

/// <summary>
/// The start of an error response's text (a provider's JSON, a CDN's XML), for the failure reason: operators
/// see the provider's own words without a body of any size ending up in an event.
/// </summary>
internal static partial class SourceAnswer
{
    private const int MaxChars = 200;

    /// <summary><c>": {text}"</c> for a short textual body, or "" when there is none worth quoting.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!(type.StartsWith("text/") || type.EndsWith("json") || type.EndsWith("xml")))
            return "";
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxChars * 2];
            var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var text = Whitespace().Replace(Encoding.UTF8.GetString(buffer, 0, length), " ").Trim();
            return text.Length == 0 ? "" : $": {(text.Length > MaxChars ? text[..MaxChars] + "…" : text)}";
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
