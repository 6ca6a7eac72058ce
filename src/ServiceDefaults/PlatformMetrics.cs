using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Every platform metric in one place (docs/observability.md lists them with their Prometheus names). The provider
/// calls are counted in the Providers library; tasks in flight are read from the saga table by the poller.
/// Tags are low-cardinality only: never a request id, task id or URL.
/// </summary>
public static class PlatformMetrics
{
    public static class Outcomes
    {
        public const string Completed = "completed";
        public const string Failed = "failed";
        public const string Rejected = "rejected";
        public const string Canceled = "canceled";
    }

    private static readonly Counter<long> Requests = PlatformTelemetry.Meter.CreateCounter<long>(
        "video.requests", "{request}", "Requests that reached an outcome: completed, failed (video.reason says why), rejected or canceled");

    private static readonly Counter<long> Rejections = PlatformTelemetry.Meter.CreateCounter<long>(
        "video.rejections", "{violation}", "Broken validation rules, by field and rule");

    private static readonly Histogram<double> TimeToTerminal = PlatformTelemetry.Meter.CreateHistogram(
        "video.time_to_terminal", "s", "From the provider accepting a task to its completed or failed state",
        advice: Buckets(5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1200, 1800, 3600));

    private static readonly Histogram<int> RechecksPerTask = PlatformTelemetry.Meter.CreateHistogram(
        "video.task.rechecks", "{recheck}", "Status queries a task needed before it ended",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144] });

    private static readonly Histogram<double> TimeToArchive = PlatformTelemetry.Meter.CreateHistogram(
        "video.time_to_archive", "s", "From the provider finishing a video to the video being safe in the archive",
        advice: Buckets(0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600));

    private static readonly Histogram<long> ArchiveSize = PlatformTelemetry.Meter.CreateHistogram(
        "video.archive.size", "By", "Size of each archived video; its sum is the bytes archived",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1_000_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000, 1_000_000_000, 2_000_000_000, 4_000_000_000] });

    private static readonly Histogram<double> ArchiveDuration = PlatformTelemetry.Meter.CreateHistogram(
        "video.archive.duration", "s", "Download and verification time of each archived video",
        advice: Buckets(0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600));

    private static readonly Histogram<double> LinkLifetimeLeft = PlatformTelemetry.Meter.CreateHistogram(
        "video.archive.link_lifetime_left", "s", "How long the provider's link would still have worked when the video was archived",
        advice: Buckets(0, 300, 900, 1800, 3600, 7200, 21600, 43200, 86400, 172800, 604800));

    private static readonly Counter<long> ArchiveFailures = PlatformTelemetry.Meter.CreateCounter<long>(
        "video.archive.failures", "{video}", "Videos that could not be archived, by reason");

    private static readonly Counter<long> DeadLetters = PlatformTelemetry.Meter.CreateCounter<long>(
        "video.dead_letters", "{message}", "Messages moved to their queue's _error queue after the retries (poison messages), by queue and message type");

    private static readonly Counter<double> EstimatedCost = PlatformTelemetry.Meter.CreateCounter<double>(
        "video.cost.estimated", "{currency}", "Estimated cost of accepted requests from the price table, in the currency of video.currency, by caller");

    /// <summary>Counted once per accepted submit, where it is recorded (never on a re-announcement).</summary>
    public static void CostEstimated(string caller, string provider, string model, string currency, double amount)
    {
        var tags = ProviderTags(provider, model);
        tags.Add(PlatformTelemetry.Tags.Caller, caller);
        tags.Add(PlatformTelemetry.Tags.Currency, currency);
        EstimatedCost.Add(amount, tags);
    }

    /// <summary>Counted once per request where its outcome is decided (submitter or poller), never on a re-announcement.</summary>
    public static void RequestFinished(string provider, string model, string outcome, string? reason = null)
    {
        var tags = ProviderTags(provider, model);
        tags.Add(PlatformTelemetry.Tags.Outcome, outcome);
        if (reason is not null)
            tags.Add(PlatformTelemetry.Tags.Reason, reason);
        Requests.Add(1, tags);
    }

    public static void RuleBroken(string provider, string model, string field, string rule)
    {
        var tags = ProviderTags(provider, model);
        tags.Add(PlatformTelemetry.Tags.Field, field);
        tags.Add(PlatformTelemetry.Tags.Rule, rule);
        Rejections.Add(1, tags);
    }

    public static void TaskEnded(string provider, string model, string outcome, TimeSpan timeToTerminal, int rechecks)
    {
        var tags = ProviderTags(provider, model);
        tags.Add(PlatformTelemetry.Tags.Outcome, outcome);
        TimeToTerminal.Record(timeToTerminal.TotalSeconds, tags);
        RechecksPerTask.Record(rechecks, tags);
    }

    public static void VideoArchived(string provider, string model, long sizeBytes, TimeSpan duration, TimeSpan timeToArchive, TimeSpan? linkLifetimeLeft)
    {
        var tags = ProviderTags(provider, model);
        ArchiveSize.Record(sizeBytes, tags);
        ArchiveDuration.Record(duration.TotalSeconds, tags);
        TimeToArchive.Record(timeToArchive.TotalSeconds, tags);
        if (linkLifetimeLeft is { } left)
            LinkLifetimeLeft.Record(left.TotalSeconds, tags);
    }

    public static void ArchiveFailed(string provider, string reason) =>
        ArchiveFailures.Add(1, new TagList { { PlatformTelemetry.Tags.Provider, provider }, { PlatformTelemetry.Tags.Reason, reason } });

    /// <summary>Counted once per message moved to an <c>_error</c> queue, after the move (see <c>DeadLetterCountFilter</c>).</summary>
    public static void MessageDeadLettered(string queue, string messageType) =>
        DeadLetters.Add(1, new TagList { { PlatformTelemetry.Tags.Queue, queue }, { PlatformTelemetry.Tags.MessageType, messageType } });

    private static TagList ProviderTags(string provider, string model) =>
        new() { { PlatformTelemetry.Tags.Provider, provider }, { PlatformTelemetry.Tags.Model, model } };

    private static InstrumentAdvice<double> Buckets(params double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };
}
