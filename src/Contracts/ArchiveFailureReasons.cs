namespace VideoPlatform.Contracts;

/// <summary>Stable reason codes carried by <see cref="ArchiveFailed"/>.</summary>
public static class ArchiveFailureReasons
{
    /// <summary>The link answered 403, 404 or 410: it has most likely expired.</summary>
    public const string LinkExpired = "link_expired";

    /// <summary>The content is not a complete video container (an HTML error page, a truncated MP4).</summary>
    public const string NotAVideo = "not_a_video";

    /// <summary>The video is larger than <c>Archive:MaxBytes</c>.</summary>
    public const string TooLarge = "too_large";

    /// <summary>
    /// The URL, or a redirect it led to, was refused before anything was fetched: not http(s), or an internal
    /// address (loopback, private, link-local) that is not on <c>Archive:AllowedHosts</c>.
    /// </summary>
    public const string SourceRefused = "source_refused";

    /// <summary>The download kept failing (connection cut, 5xx, short body) for every attempt.</summary>
    public const string DownloadFailed = "download_failed";

    /// <summary>The download, resumes included, took longer than <c>Archive:DownloadTimeoutSeconds</c>.</summary>
    public const string TimedOut = "timed_out";

    /// <summary>
    /// Our own storage failed: the disk is full, the declared size does not fit in its free space less
    /// <c>Archive:KeepFreeMegabytes</c>, or writing or moving the file failed. Not the source's fault; nothing was archived.
    /// </summary>
    public const string StorageFailed = "storage_failed";

    /// <summary>The task lists more videos than <c>Archive:MaxVideosPerTask</c>; none of them was downloaded.</summary>
    public const string TooManyVideos = "too_many_videos";
}
