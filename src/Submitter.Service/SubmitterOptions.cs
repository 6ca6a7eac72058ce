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

    /// <summary>A submit still marked in flight after this long was cut off by a crash: its outcome is unknown.</summary>
    [Range(0.01, 1440)]
    public double StaleSubmitMinutes { get; set; } = 2;
}
