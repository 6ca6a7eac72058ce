using System.ComponentModel.DataAnnotations;
using ProviderSimulator.Tasks;

namespace ProviderSimulator;

/// <summary>Timings of the simulated task lifecycle and provider rules (section "Simulator"); seconds, fractions allowed.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>Time a task stays pending after submit.</summary>
    [Range(0.0, 86400.0)]
    public double PendingSeconds { get; set; } = 1;

    /// <summary>
    /// Time from processing to success or failure, the median when <see cref="GenerationDistribution"/> varies it;
    /// progress grows linearly over each task's own time. Clients' estimates (EvoLink <c>estimated_time</c>,
    /// MyRouter <c>eta</c>) are always derived from this value, not from a task's own draw.
    /// </summary>
    [Range(0.01, 86400.0)]
    public double GenerationSeconds { get; set; } = 3;

    /// <summary>How each task's generation time is drawn at submit.</summary>
    public GenerationDistribution GenerationDistribution { get; set; } = GenerationDistribution.Fixed;

    /// <summary>Half-width of the <c>uniform</c> distribution: times fall in GenerationSeconds ± this.</summary>
    [Range(0.0, 86400.0)]
    public double GenerationSpreadSeconds { get; set; } = 1;

    /// <summary>Sigma of the <c>lognormal</c> distribution (of the time's natural logarithm).</summary>
    [Range(0.0, 5.0)]
    public double GenerationSigma { get; set; } = 0.5;

    /// <summary>Seeds the generation-time draws, so a benchmark submitting in the same order gets the same times.</summary>
    public int? Seed { get; set; }

    /// <summary>How long a <c>submit-hang</c> submit withholds its response: longer than a client's timeout.</summary>
    [Range(0.0, 86400.0)]
    public double HangSeconds { get; set; } = 30;

    /// <summary>
    /// Share (0 to 1) of accepted submits whose answer is held back <see cref="SubmitHangSeconds"/> before it is sent,
    /// so a crash test's SIGKILL of the caller lands while a billed call is in flight.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SubmitHangShare { get; set; }

    /// <summary>How long a submit picked by <see cref="SubmitHangShare"/> waits before answering normally.</summary>
    [Range(0.0, 3600.0)]
    public double SubmitHangSeconds { get; set; } = 4;

    /// <summary>
    /// Size of every task's own video (<c>/media/{task}.mp4</c>); 0 serves the 2 s sample clip as it is. A size is
    /// the clip followed by filler, as <c>media-large</c> files are, and never smaller than the clip.
    /// </summary>
    [Range(0L, long.MaxValue)]
    public long VideoBytes { get; set; }

    /// <summary>
    /// Pace of each download of a task's video, in bytes per second; 0 = as fast as the client reads. Slow enough,
    /// a download lasts long enough for a crash test to kill the archiver in the middle of it.
    /// </summary>
    [Range(0L, long.MaxValue)]
    public long MediaBytesPerSecond { get; set; }

    /// <summary>Size of the file a <c>media-large</c> task's result points at: above the archiver's default 4 GiB limit.</summary>
    [Range(1L << 20, long.MaxValue)]
    public long LargeMediaBytes { get; set; } = 5L << 30;

    /// <summary>
    /// Accepts http and internal-host callback URLs, which the providers refuse: local tests and the demo receive
    /// callbacks on http://127.0.0.1. The length limit still applies.
    /// </summary>
    public bool AllowInsecureCallbacks { get; set; }

    /// <summary>How long one callback attempt may take before it counts as failed (EvoLink: 10 s).</summary>
    [Range(0.1, 600.0)]
    public double CallbackTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// API calls (submits and queries) one key may make to one provider in any sliding 60 s; 0 = unlimited.
    /// Calls refused for it do not count.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int RequestsPerMinutePerKey { get; set; }

    /// <summary>
    /// The sliding window <see cref="RequestsPerMinutePerKey"/> counts over. Providers count per minute; tests
    /// shorten it so a refusal and its Retry-After fit in a few seconds.
    /// </summary>
    [Range(0.1, 3600.0)]
    public double RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Unfinished (pending or processing) tasks one key may have at one provider; 0 = unlimited.</summary>
    [Range(0, int.MaxValue)]
    public int MaxConcurrentTasksPerKey { get; set; }
}
