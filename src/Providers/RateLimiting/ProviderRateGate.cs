using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPlatform.Providers.RateLimiting;

/// <summary>
/// Keeps calls to each provider key within <see cref="ProviderOptions.RequestsPerMinute"/>, across every service
/// and instance that shares the store. Calls wait their turn before the HTTP request (so waiting never eats into a
/// call's own timeout); when a token frees up, a waiting submit goes first, then the status query whose task is
/// most likely done. A key without a limit costs nothing: no store, no queue.
/// </summary>
public sealed class ProviderRateGate(
    IRateLimitStore store, IOptionsMonitor<ProviderOptions> providers, TimeProvider time, ILogger<ProviderRateGate> logger)
{
    private readonly ConcurrentDictionary<string, KeyTurns> _keys = new();

    /// <summary>Hashed key names by provider and API key: asked on every call and every saga step, hashed once.</summary>
    private readonly ConcurrentDictionary<(string Provider, string ApiKey), string> _keyNames = new();

    /// <summary>Returns when this call may go. Canceling gives up the place in the queue.</summary>
    /// <param name="likelyDoneAt">For a query, when its task is expected to be done: the earliest goes first.</param>
    public Task WaitTurnAsync(string provider, ProviderCallKind kind, DateTimeOffset likelyDoneAt, CancellationToken cancellationToken)
    {
        if (Limited(provider) is not { } limited)
            return Task.CompletedTask;
        var turns = _keys.GetOrAdd(limited.Key, key => new KeyTurns(key, store, time, logger));
        return turns.WaitAsync(limited.Budget, kind, likelyDoneAt, cancellationToken);
    }

    /// <summary>Whether calls with this provider's key are paced (a limit is configured): then queries are a budget to spend well.</summary>
    public bool IsLimited(string provider) => Limited(provider) is not null;

    /// <summary>The provider asked us to back off (429 with Retry-After): every caller of this key waits it out.</summary>
    public async Task SlowDownAsync(string provider, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        if (Limited(provider) is not { } limited || retryAfter <= TimeSpan.Zero)
            return;
        RateLimitMetrics.SlowedDown(provider);
        logger.LogWarning("{Provider} asked to slow down for {RetryAfter}; calls with this key wait until then", provider, retryAfter);
        await store.SlowDownAsync(limited.Key, retryAfter, cancellationToken);
    }

    private (string Key, RateBudget Budget)? Limited(string provider)
    {
        var name = ProviderNames.SectionOf(provider);
        if (name is null)
            return null;
        var options = providers.Get(name);
        return options.RequestsPerMinute > 0
            ? (_keyNames.GetOrAdd((name, options.ApiKey), k => KeyFor(k.Provider, k.ApiKey)), RateBudget.ForRequestsPerMinute(options.RequestsPerMinute))
            : null;
    }

    /// <summary>Limits are per key, so the key is part of the name; only a short hash of it is ever stored.</summary>
    internal static string KeyFor(string provider, string apiKey) =>
        $"{provider.ToLowerInvariant()}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..16]}";
}
