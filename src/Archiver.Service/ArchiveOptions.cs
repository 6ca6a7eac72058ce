using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Archiver;

/// <summary>Section <c>Archive</c> (env <c>Archive__Root</c>, …).</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Folder the videos are stored under; relative paths are resolved against the working directory.</summary>
    [Required]
    public string Root { get; set; } = "archive";

    /// <summary>A download larger than this is refused (a provider bug or a hostile URL must not fill the disk).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    [Range(1, 86400)]
    public int DownloadTimeoutSeconds { get; set; } = 600;

    /// <summary>Tries per video for transient failures (connection cut, 5xx) before giving up.</summary>
    [Range(1, 20)]
    public int Attempts { get; set; } = 3;
}
