namespace VideoPlatform.Archiver.Storage;

/// <summary>Where archived videos live. The filesystem is the default; an object store fits the same shape.</summary>
public interface IVideoStorage
{
    /// <summary>A stored video for this request and result index, if it was archived before (redelivery).</summary>
    StoredVideo? Find(Guid requestId, DateTimeOffset completedAt, int index);

    /// <summary>
    /// The exclusive right to archive <paramref name="requestId"/>, held until disposed, by one delivery in one
    /// archiver among all that share this storage; null while another holds it.
    /// </summary>
    IDisposable? TryClaim(Guid requestId);

    /// <summary>
    /// The temporary file to download this video into; never visible as an archived video. The same for every
    /// delivery of the request, so one can resume what an interrupted one left (the request's claim keeps it to one at a time).
    /// </summary>
    string TemporaryPath(Guid requestId, int index);

    /// <summary>Moves a verified temporary file into place and writes its sidecar; returns the final location.</summary>
    StoredVideo Commit(string temporaryPath, VideoSidecar sidecar, string extension);

    /// <summary>
    /// Deletes temporary files (partial downloads and what is kept to resume them) last written before <paramref name="writtenBefore"/>: left by a process that died
    /// mid-download. Returns how many were deleted.
    /// </summary>
    int DeleteAbandonedTemporaries(DateTimeOffset writtenBefore);

    /// <summary>Deletes the records of claims nobody holds that were last taken before <paramref name="usedBefore"/>.</summary>
    int DeleteUnusedClaims(DateTimeOffset usedBefore);
}

/// <summary>An archived file and what was recorded about it.</summary>
public sealed record StoredVideo(string Path, VideoSidecar Sidecar);
