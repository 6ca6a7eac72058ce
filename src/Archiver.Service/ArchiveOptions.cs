using System.ComponentModel.DataAnnotations;
using VideoPlatform.Archiver.Safety;

namespace VideoPlatform.Archiver;

/// <summary>Section <c>Archive</c> (env <c>Archive__Root</c>, <c>Archive__AllowedHosts__0</c>, …).</summary>
public sealed class ArchiveOptions : IValidatableObject
{
    public const string Section = "Archive";

    /// <summary>Folder the videos are stored under; relative paths are resolved against the working directory.</summary>
    [Required]
    public string Root { get; set; } = "archive";

    /// <summary>A download larger than this is refused (a provider bug or a hostile URL must not fill the disk).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The longest one video may take, every retry and resume included.</summary>
    [Range(1, 86400)]
    public int DownloadTimeoutSeconds { get; set; } = 600;

    /// <summary>
    /// Failed tries in a row (connection cut, 5xx, short body) before giving up. A try that received bytes before
    /// failing starts the count again, so a long download over a flaky link keeps resuming until the timeout.
    /// </summary>
    [Range(1, 20)]
    public int Attempts { get; set; } = 3;

    /// <summary>Wait before the first retry; it doubles for every further failure in a row.</summary>
    [Range(0, 600_000)]
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>Upper bound of the doubling retry wait.</summary>
    [Range(0, 3600)]
    public int MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>A link with less lifetime left than this is logged at critical level: an operator should watch it.</summary>
    [Range(0, 10080)]
    public int ExpiryAlarmMinutes { get; set; } = 60;

    /// <summary>
    /// Free space, in MiB, the archive disk keeps beyond a download: a video whose declared size does not fit in the
    /// free space less this is failed as <c>storage_failed</c> before its body is read, and only one that fits is
    /// preallocated. Leaves room for the sidecars, the logs and everything else on that disk.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int KeepFreeMegabytes { get; set; } = 1024;

    /// <summary>
    /// A completed task listing more videos than this is refused as <c>too_many_videos</c>, none downloaded: providers
    /// return one or a few, so more is a provider bug or a hostile answer, and half an archive would surprise the caller.
    /// </summary>
    [Range(1, 1000)]
    public int MaxVideosPerTask { get; set; } = 8;

    /// <summary>
    /// Hosts (<c>host</c> or <c>host:port</c>) the archiver may fetch from even when they are internal addresses,
    /// e.g. the simulator on loopback. Any other host is fetched only if every address it resolves to is public.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HostAllowList.TryParse(AllowedHosts, out _, out var invalid))
            yield return new ValidationResult($"'{invalid}' is not host or host:port", [nameof(AllowedHosts)]);
    }
}
