using System.Text.Json;
using System.Text.RegularExpressions;
using ProviderSimulator.Api;

namespace ProviderSimulator.Tasks;

/// <summary>
/// Reads requested <see cref="Behavior"/>s from the <c>X-Sim-Behavior</c> header and from <c>[sim:…]</c> markers.
/// Both take comma-separated names (<c>[sim:fail,query-404-once]</c>); markers may be repeated. A name written
/// <c>behaviour@provider</c> (<c>fail-server-side@evolink</c>) applies only when the submit reaches that provider, so a
/// request the platform sends on to another provider can fail at the first and go through at the next.
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
    /// An unknown name or provider is an error rather than ignored, even when scoped to another provider, so a typo
    /// cannot silently turn a fault test into a happy path.
    /// </summary>
    /// <param name="provider">The provider the submit reached: names scoped to another one are left out.</param>
    /// <param name="problem">Why the names cannot be read, when false is returned.</param>
    public static bool TryParse(string? header, JsonElement body, Provider provider, out Behavior behaviors, out string problem)
    {
        var names = Strings(body)
            .SelectMany(text => Marker().Matches(text).Select(m => m.Groups[1].Value))
            .Append(header ?? "")
            .SelectMany(list => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        behaviors = Behavior.None;
        problem = "";
        foreach (var name in names)
        {
            var at = name.IndexOf('@');
            if (!Names.TryGetValue(at < 0 ? name : name[..at], out var behavior))
            {
                problem = $"unknown simulator behaviour '{name}'";
                return false;
            }
            if (at < 0)
            {
                behaviors |= behavior;
                continue;
            }
            var scope = name[(at + 1)..];
            if (!ProviderNamed(scope, out var only))
            {
                problem = $"simulator behaviour '{name}' names no provider known here ('{scope}'): {string.Join(", ", Enum.GetNames<Provider>())}";
                return false;
            }
            if (only == provider)
                behaviors |= behavior;
        }
        return true;
    }

    // Enum.TryParse would also take "1" or "0x2" for a provider.
    private static bool ProviderNamed(string name, out Provider provider)
    {
        var match = Enum.GetNames<Provider>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        provider = match is null ? default : Enum.Parse<Provider>(match);
        return match is not null;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
