using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Poller.Tasks;

/// <summary>What the saga's steps plan a task's checks with: the polling settings, the clock, and the rate limits.</summary>
internal sealed class VideoTaskPolling(PollingOptions options, TimeProvider time, ProviderRateGate? rateGate)
{
    public PollingOptions Options => options;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The task's provider key is rate-limited, so its queries are worth saving.</summary>
    public bool Scarce(VideoTaskState saga) => rateGate?.IsLimited(saga.Provider) ?? false;
}
