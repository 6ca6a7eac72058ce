using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VideoPlatform.Providers.RateLimiting;

/// <summary>How long calls wait for their turn, and how often a provider told us to slow down.</summary>
internal static class RateLimitMetrics
{
    private static readonly Meter Meter = new("VideoPlatform.Providers");

    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>(
        "video.provider.rate_wait", unit: "s", description: "Time a provider call waited for its turn under the key's rate limit",
        tags: null,
        // Most turns come within a second, a binding limit makes minutes: buckets for both, so a quantile means something.
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300] });

    private static readonly Counter<long> SlowDowns = Meter.CreateCounter<long>(
        "video.provider.slowdowns", description: "429 answers that paused a provider key for its Retry-After");

    /// <param name="key">provider:hash; only the provider part is used as a tag.</param>
    public static void Waited(string key, ProviderCallKind kind, TimeSpan waited) =>
        Wait.Record(waited.TotalSeconds, new TagList { { "video.provider", key.Split(':')[0] }, { "video.call", kind.ToString().ToLowerInvariant() } });

    public static void SlowedDown(string provider) =>
        SlowDowns.Add(1, new TagList { { "video.provider", provider.ToLowerInvariant() } });
}
