using System.Collections;
using Microsoft.Extensions.Options;

namespace VideoPlatform.Providers;

/// <summary>
/// Keeps the configured provider keys out of whatever an adapter throws. An exception's message and data travel far
/// from the adapter: into logs, spans, the <c>Fault</c> event and the <c>_error</c> queue's headers, where anyone who
/// can read the broker reads them. An adapter that quotes its request (an <see cref="HttpRequestMessage"/> prints its
/// Authorization header) would hand the key to all of them; this replaces such an exception before it leaves.
/// </summary>
public sealed class ProviderKeyGuard(IOptionsMonitor<ProviderOptions> providers)
{
    private const string Redacted = "[redacted]";

    /// <summary>Shorter values are not taken for keys: redacting them would mangle ordinary words, and hide nothing.</summary>
    private const int ShortestKey = 8;

    /// <summary>
    /// A <see cref="ProviderAdapterException"/> telling what <paramref name="thrown"/> said, keys redacted, when any
    /// key appears in it (its messages, its inner exceptions, its data); null when none does, so the original goes on.
    /// </summary>
    public Exception? Replacement(Exception thrown, string provider, string model)
    {
        var keys = Keys();
        if (keys.Count == 0 || !Texts(thrown).Any(text => keys.Any(key => text.Contains(key, StringComparison.Ordinal))))
            return null;
        var said = string.Join(" ---> ", Chain(thrown).Select(e => $"{e.GetType().FullName}: {Redact(e.Message, keys)}"));
        // Neither the inner exception nor its data is kept: both hold the key.
        return new ProviderAdapterException($"the {provider} {model} adapter threw, quoting a provider key (redacted here): {said}");
    }

    private List<string> Keys() =>
        ProviderNames.All.Select(name => providers.Get(name).ApiKey).Where(key => key.Length >= ShortestKey).Distinct().ToList();

    private static string Redact(string text, List<string> keys) =>
        keys.Aggregate(text, (redacted, key) => redacted.Replace(key, Redacted, StringComparison.Ordinal));

    private static IEnumerable<string> Texts(Exception thrown)
    {
        foreach (var e in Chain(thrown))
        {
            yield return e.Message;
            foreach (DictionaryEntry entry in e.Data)
            {
                yield return entry.Key.ToString() ?? "";
                yield return entry.Value?.ToString() ?? "";
            }
        }
    }

    private static IEnumerable<Exception> Chain(Exception thrown)
    {
        var pending = new Stack<Exception>([thrown]);
        while (pending.TryPop(out var e))
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    pending.Push(inner);
            else if (e.InnerException is { } inner)
                pending.Push(inner);
        }
    }
}
