using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProviderSimulator.Tasks;

/// <summary>
/// Reads requested <see cref="Behavior"/>s from the <c>X-Sim-Behavior</c> header and from <c>[sim:…]</c> markers.
/// Both take comma-separated names (<c>[sim:fail,query-404-once]</c>); markers may be repeated.
/// </summary>
public static partial class Behaviors
{
    public const string Header = "X-Sim-Behavior";

    /// <summary>The status string <see cref="Behavior.UnknownStatusOnce"/> reports, in every provider.</summary>
    public const string UnknownStatus = "weird_status";

    private static readonly Dictionary<string, Behavior> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fail"] = Behavior.Fail,
        ["stuck"] = Behavior.Stuck,
        ["submit-429"] = Behavior.Submit429,
        ["submit-500"] = Behavior.Submit500,
        ["submit-503"] = Behavior.Submit503,
        ["submit-402"] = Behavior.Submit402,
        ["submit-hang"] = Behavior.SubmitHang,
        ["query-404-once"] = Behavior.Query404Once,
        ["query-429-once"] = Behavior.Query429Once,
        ["query-500-once"] = Behavior.Query500Once,
        ["query-malformed-once"] = Behavior.QueryMalformedOnce,
        ["unknown-status-once"] = Behavior.UnknownStatusOnce,
        ["media-html"] = Behavior.MediaHtml,
        ["media-cut-once"] = Behavior.MediaCutOnce,
        ["media-expired"] = Behavior.MediaExpired,
        ["media-redirect-internal"] = Behavior.MediaRedirectInternal,
        ["media-large"] = Behavior.MediaLarge,
        ["numbers-as-floats"] = Behavior.NumbersAsFloats,
        ["numbers-as-text"] = Behavior.NumbersAsText,
        ["resources-mixed"] = Behavior.ResourcesMixed,
        ["times-in-seconds"] = Behavior.TimesInSeconds,
        ["fail-server-side"] = Behavior.Fail | Behavior.ServerSideFault,
    };

    [GeneratedRegex(@"\[sim:([^\]]*)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    /// <summary>
    /// Markers are looked for in every string of the body, not just <c>prompt</c>: multi-shot prompts have a
    /// different shape per provider, and a test should be able to mark whichever text its client sends.
    /// An unknown name is an error rather than ignored, so a typo cannot silently turn a fault test into a happy path.
    /// </summary>
    public static bool TryParse(string? header, JsonElement body, out Behavior behaviors, out string unknown)
    {
        var names = Strings(body)
            .SelectMany(text => Marker().Matches(text).Select(m => m.Groups[1].Value))
            .Append(header ?? "")
            .SelectMany(list => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        behaviors = Behavior.None;
        unknown = "";
        foreach (var name in names)
        {
            if (!Names.TryGetValue(name, out var behavior))
            {
                unknown = name;
                return false;
            }
            behaviors |= behavior;
        }
        return true;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
