using System.Text;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>A documented answer grown past the body cap by one extra field, so only its size makes it unusable.</summary>
internal static class PaddedBody
{
    public const int TwoMiB = 2 * 1024 * 1024;

    /// <summary>The JSON object <paramref name="json"/> with a <c>padding</c> string in front, about <paramref name="bytes"/> long in all.</summary>
    public static string Of(string json, int bytes = TwoMiB)
    {
        var open = json.IndexOf('{') + 1;
        var fill = Math.Max(0, bytes - Encoding.UTF8.GetByteCount(json));
        return json[..open] + "\"padding\":\"" + new string('x', fill) + "\"," + json[open..];
    }
}
