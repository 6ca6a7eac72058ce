using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// The provider calls' instruments, on a meter of this library's own; the services' telemetry registration picks
/// up every <c>VideoPlatform*</c> meter. Attribute names match the services' (<c>video.provider</c>, …).
/// </summary>
internal static class ProviderCallMetrics
{
    public const string MeterName = "VideoPlatform.Providers";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "video.provider.calls", "{call}", "Calls to providers' APIs by provider, operation and HTTP status code (or error type)");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "video.provider.call.duration", "s", "How long providers took to answer",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] });

    public static void Record(string provider, string operation, int? statusCode, string? errorType, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "video.provider", provider },
            { "video.operation", operation },
        };
        if (statusCode is { } code)
            tags.Add("http.response.status_code", code);
        if (errorType is not null)
            tags.Add("error.type", errorType);
        Calls.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
    }
}
