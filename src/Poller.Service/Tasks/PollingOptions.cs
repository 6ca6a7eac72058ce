using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Poller.Tasks;

/// <summary>How rechecks are timed (see <see cref="PollingStrategy"/>).</summary>
public enum PollingStrategy
{
    /// <summary>
    /// Check when the task is expected to be done, from the provider's estimate, its time left or its progress, else
    /// the model's typical time; then back off with jitter. Queries wait in order of how likely their task is done.
    /// </summary>
    Adaptive,

    /// <summary>The naive way, for comparison: every <see cref="PollingOptions.RecheckIntervalSeconds"/>, in arrival order.</summary>
    Fixed,
}

/// <summary>Section <c>Polling</c>: when the saga asks providers again, and when it gives up.</summary>
public sealed class PollingOptions : IValidatableObject
{
    public const string Section = "Polling";

    public PollingStrategy Strategy { get; set; } = PollingStrategy.Adaptive;

    /// <summary>First check when nothing better is known (Fixed: always).</summary>
    [Range(0.01, 3600)]
    public double FirstRecheckSeconds { get; set; } = 5;

    /// <summary>Fixed: the interval. Adaptive: the first wait once a task is past its expected time, growing by <see cref="BackoffFactor"/>.</summary>
    [Range(0.01, 3600)]
    public double RecheckIntervalSeconds { get; set; } = 5;

    /// <summary>No wait between two checks is longer: it bounds how late a result is seen when nothing calls back.</summary>
    [Range(0.01, 3600)]
    public double MaxRecheckIntervalSeconds { get; set; } = 30;

    /// <summary>
    /// No check aimed at an expected time waits longer than this, however trusted the expectation: a progress reading of
    /// 1% after a minute would otherwise put the next check hours away.
    /// </summary>
    [Range(0.01, 86400)]
    public double MaxAimedWaitSeconds { get; set; } = 300;

    /// <summary>No wait is shorter (unless the provider's answer was a plain "retry").</summary>
    [Range(0.01, 3600)]
    public double MinRecheckIntervalSeconds { get; set; } = 1;

    [Range(1, 10)]
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>Each wait is spread by up to this fraction either way, so tasks submitted together do not stay in step.</summary>
    [Range(0, 0.5)]
    public double JitterFraction { get; set; } = 0.1;

    /// <summary>
    /// Under a rate limit, where checks wait their turn: every check the saga only expects to find its task done ranks
    /// as if the task finished this fraction of the model's typical time later, behind a callback's check, which is sure
    /// to find it done; a check aimed by the task's own progress, this fraction of its own expected time later still,
    /// behind the checks that rest on a general estimate. Those also stand for the tasks that finished well before the
    /// estimate (their lag is the longest), while a check landing on the task's own finish starts its lag at zero. 0
    /// ranks every check by its expected finish alone. The default, 0.2, came out
    /// best in a replay of <c>scripts/bench.sh --rpm 600</c> (generation times log-normal, sigma 0.3); 0.15 and 0.25 were
    /// within 1–2 s of its p95 lag, 0.4 some 10 s worse.
    /// </summary>
    [Range(0, 10)]
    public double OwnEstimateRankDelayFraction { get; set; } = 0.2;

    /// <summary>How long a generation usually takes when the provider gives no estimate (Kling 5–10 s clips: 1–5 min).</summary>
    [Range(1, 86400)]
    public double TypicalSeconds { get; set; } = 120;

    /// <summary>Per model, keyed <c>provider/model</c> (e.g. <c>modellix/kling-v3-i2v</c>), overriding <see cref="TypicalSeconds"/>.</summary>
    public Dictionary<string, double> TypicalSecondsByModel { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Overall deadline per request, from submit to terminal state.</summary>
    [Range(0.01, 1440)]
    public double DeadlineMinutes { get; set; } = 30;

    /// <summary>404s in a row before the task counts as gone (the first can be eventual consistency).</summary>
    [Range(1, 100)]
    public int NotFoundLimit { get; set; } = 3;

    /// <summary>
    /// How long a task waits for its status check's answer before it comes due again (a lost check must not stall a
    /// task). A check still waiting for its turn under a rate limit by then is dropped, as the new one replaces it.
    /// </summary>
    [Range(0.01, 3600)]
    public double CheckTimeoutSeconds { get; set; } = 60;

    /// <summary>Status checks one poller runs at once, most of them waiting for their turn under a rate limit:
    /// the larger, the more tasks the "most likely done first" order chooses from.</summary>
    [Range(1, 100_000)]
    public int MaxChecksInFlight { get; set; } = 500;

    /// <summary>How often an idle poller looks for due tasks: the worst added lateness of a check.</summary>
    [Range(10, 60000)]
    public int DueScanIntervalMilliseconds { get; set; } = 200;

    /// <summary>Due tasks claimed at once; a full batch is followed by the next without waiting.</summary>
    [Range(1, 10000)]
    public int DueScanBatchSize { get; set; } = 200;

    /// <summary>
    /// The longest an open task may rightly go untouched: an aimed wait, a fixed interval, or the wait for a check's
    /// answer. A provider's Retry-After is capped to it too.
    /// </summary>
    public TimeSpan LongestPlannedWait =>
        TimeSpan.FromSeconds(new[] { MaxAimedWait.TotalSeconds, CheckTimeoutSeconds, FirstRecheckSeconds, RecheckIntervalSeconds }.Max());

    public TimeSpan FirstRecheck => TimeSpan.FromSeconds(FirstRecheckSeconds);
    public TimeSpan Deadline => TimeSpan.FromMinutes(DeadlineMinutes);
    public TimeSpan CheckTimeout => TimeSpan.FromSeconds(CheckTimeoutSeconds);
    public TimeSpan MinRecheckInterval => TimeSpan.FromSeconds(MinRecheckIntervalSeconds);
    public TimeSpan MaxRecheckInterval => TimeSpan.FromSeconds(MaxRecheckIntervalSeconds);
    public TimeSpan MaxAimedWait => TimeSpan.FromSeconds(Math.Max(MaxAimedWaitSeconds, MaxRecheckIntervalSeconds));

    public TimeSpan TypicalDuration(string provider, string model) =>
        TimeSpan.FromSeconds(TypicalSecondsByModel.TryGetValue($"{provider}/{model}", out var seconds) ? seconds : TypicalSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinRecheckIntervalSeconds > MaxRecheckIntervalSeconds)
            yield return new ValidationResult("MinRecheckIntervalSeconds must not be longer than MaxRecheckIntervalSeconds", [nameof(MinRecheckIntervalSeconds)]);
    }
}
