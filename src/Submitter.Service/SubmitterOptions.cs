using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Submitter;

/// <summary>Section <c>Submitter</c>.</summary>
public sealed class SubmitterOptions
{
    public const string Section = "Submitter";

    /// <summary>Tries per request when a provider provably refused before accepting (connect failure, 429, 503).</summary>
    [Range(1, 10)]
    public int RetryableAttempts { get; set; } = 3;

    /// <summary>Longest Retry-After honoured inside one delivery; longer waits fail the request as unavailable.</summary>
    [Range(0, 120)]
    public double MaxRetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// How long a delivery's hold on a request lasts without renewal (renewed every quarter of it while it works). A call
    /// whose holder stopped renewing this long ago was cut off by a crash: its outcome is unknown. A claim whose holder
    /// stopped before calling is taken over by the redelivered command.
    /// </summary>
    [Range(2, 3600)]
    public double LeaseSeconds { get; set; } = 30;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>
    /// How often the line of requests waiting for a provider slot is looked at when no task ended meanwhile (a task's
    /// end moves it at once): for requests a provider put back until later, and admissions whose command was lost.
    /// </summary>
    [Range(50, 60_000)]
    public int SlotDispatchIntervalMilliseconds { get; set; } = 1000;

    /// <summary>How long a request the provider refused at its own limit of running tasks waits before it is tried again, when the provider gives no Retry-After.</summary>
    [Range(1, 3600)]
    public double RequeueAfterSeconds { get; set; } = 15;
}
