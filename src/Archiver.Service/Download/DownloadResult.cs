namespace VideoPlatform.Archiver.Download;

/// <summary>A complete, verified download: what the sidecar records about it.</summary>
public sealed record DownloadResult(long SizeBytes, string Sha256, string Format, TimeSpan Elapsed);
