using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ProviderSimulator.Api;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Limits;

/// <summary>
/// The per-key limits a provider's gateway enforces (calls per sliding minute, unfinished tasks), and what a
/// benchmark wants to know about them. Keys are told apart per provider: the same string at two providers is two keys.
/// </summary>
public sealed class RequestLimits(IOptions<SimulatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(Provider Provider, string ApiKey), KeyUsage> usage = new();
    private int rateLimited;

    /// <summary>429s answered because of these limits (not simulated faults).</summary>
    public int RateLimited => Volatile.Read(ref rateLimited);

    /// <summary>Counts an API call; kept even when the limit is off, for <see cref="PeakRequestsPerMinute"/>.</summary>
    /// <returns>Null when allowed; otherwise the seconds the caller should wait.</returns>
    public int? TryCall(Provider provider, string apiKey)
    {
        var settings = options.Value;
        var wait = Usage(provider, apiKey).TryCall(clock.GetUtcNow(), settings.RequestsPerMinutePerKey, TimeSpan.FromSeconds(settings.RateLimitWindowSeconds));
        if (wait is not null)
            Interlocked.Increment(ref rateLimited);
        return wait;
    }

    /// <summary>The task <paramref name="create"/> makes, or null when the key already has its maximum unfinished.</summary>
    public SimTask? TryStart(Provider provider, string apiKey, Func<SimTask> create)
    {
        var limit = options.Value.MaxConcurrentTasksPerKey;
        if (limit == 0)
            return create();
        var task = Usage(provider, apiKey).TryStart(clock.GetUtcNow(), limit, create);
        if (task is null)
            Interlocked.Increment(ref rateLimited);
        return task;
    }

    /// <summary>Per <see cref="KeyLabel"/>: the most calls any sliding window (60 s unless shortened) held.</summary>
    public IReadOnlyDictionary<string, int> PeakRequestsPerMinute()
    {
        var peaks = new Dictionary<string, int>();
        // Two keys whose short hashes collide share a label; the report shows the higher peak rather than failing.
        foreach (var key in usage.Values)
            peaks[key.Label] = Math.Max(peaks.GetValueOrDefault(key.Label), key.PeakPerMinute);
        return peaks;
    }

    public void Reset()
    {
        usage.Clear();
        Interlocked.Exchange(ref rateLimited, 0);
    }

    private KeyUsage Usage(Provider provider, string apiKey) =>
        usage.GetOrAdd((provider, apiKey), static key => new KeyUsage(KeyLabel.Of(key.Provider, key.ApiKey)));
}
