using System.Diagnostics.Metrics;
using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Providers.Tests.RateLimiting;

/// <summary>
/// Most waits for a turn last well under a second; with the SDK's default buckets (0, 5, 10, 25 s …) every one of them
/// falls in the first bucket, and a p95 panel cannot tell 50 ms from 4 s.
/// </summary>
public class When_rate_limit_waits_are_measured
{
    [Fact]
    public void Should_have_buckets_from_tens_of_milliseconds_to_minutes()
    {
        // Arrange
        IReadOnlyList<double>? boundaries = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument is Histogram<double> { Name: "video.provider.rate_wait" } wait)
                    boundaries = wait.Advice?.HistogramBucketBoundaries;
            },
        };

        // Act: a wait is recorded, so the instrument exists and is published to the listener.
        RateLimitMetrics.Waited("evolink:abc", ProviderCallKind.Query, TimeSpan.FromMilliseconds(80));
        listener.Start();

        // Assert
        boundaries.ShouldNotBeNull("no bucket advice: the SDK's defaults apply");
        boundaries.ShouldContain(b => b <= 0.1);
        boundaries.ShouldContain(b => b >= 120);
    }
}
