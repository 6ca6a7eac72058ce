using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Poller.Tasks;

/// <summary>Section <c>Polling</c>: when the saga asks providers again, and when it gives up.</summary>
public sealed class PollingOptions : IValidatableObject
{
    public const string Section = "Polling";

    [Range(0.01, 3600)]
    public double FirstRecheckSeconds { get; set; } = 5;

    [Range(0.01, 3600)]
    public double RecheckIntervalSeconds { get; set; } = 5;

    [Range(0.01, 3600)]
    public double MaxRecheckIntervalSeconds { get; set; } = 30;

    [Range(1, 10)]
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>Overall deadline per request, from submit to terminal state.</summary>
    [Range(0.01, 1440)]
    public double DeadlineMinutes { get; set; } = 30;

    /// <summary>404s in a row before the task counts as gone (the first can be eventual consistency).</summary>
    [Range(1, 100)]
    public int NotFoundLimit { get; set; } = 3;

    /// <summary>How long the saga waits for a status check's answer before asking again (a lost check must not stall a task).</summary>
    [Range(0.01, 3600)]
    public double CheckTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// An open task untouched for longer than this has lost its next recheck (see StalledTaskWatchdog). Must be
    /// longer than the maximum recheck interval, or healthy tasks get nudged too.
    /// </summary>
    [Range(1, 86400)]
    public double StalledAfterSeconds { get; set; } = 120;

    public TimeSpan StalledAfter => TimeSpan.FromSeconds(StalledAfterSeconds);

    public TimeSpan FirstRecheck => TimeSpan.FromSeconds(FirstRecheckSeconds);
    public TimeSpan Deadline => TimeSpan.FromMinutes(DeadlineMinutes);
    public TimeSpan CheckTimeout => TimeSpan.FromSeconds(CheckTimeoutSeconds);

    /// <summary>Backoff from the base interval up to the maximum, never sooner than the provider asked.</summary>
    public TimeSpan NextRecheck(int rechecksSoFar, TimeSpan? providerAskedToWait)
    {
        var backoff = RecheckIntervalSeconds * Math.Pow(BackoffFactor, Math.Max(0, rechecksSoFar - 1));
        var seconds = Math.Min(backoff, MaxRecheckIntervalSeconds);
        if (providerAskedToWait is { } wait && wait.TotalSeconds > seconds)
            seconds = wait.TotalSeconds;
        return TimeSpan.FromSeconds(seconds);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StalledAfterSeconds <= MaxRecheckIntervalSeconds)
            yield return new ValidationResult("StalledAfterSeconds must be longer than MaxRecheckIntervalSeconds", [nameof(StalledAfterSeconds)]);
    }
}
