using System.Text.RegularExpressions;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// Tells a refusal at the key's limit of running tasks from one at its rate limit. The gateways pass Kling's own
/// code 1303 ("parallel task over resource pack limit") or say "concurrent"/"unfinished tasks" in words; Modellix
/// documents its 429 as "rate/concurrency" without a separate code, so the words are all there is.
/// </summary>
public static partial class ConcurrencyRefusal
{
    public static SubmitOutcome Marked(SubmitOutcome outcome, string body) =>
        Says(body) ? outcome with { AtConcurrencyLimit = true } : outcome;

    public static bool Says(string body) => Words().IsMatch(body);

    [GeneratedRegex(@"\b1303\b|concurren|parallel task|unfinished task|tasks? in progress|running tasks", RegexOptions.IgnoreCase)]
    private static partial Regex Words();
}
