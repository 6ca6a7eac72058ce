using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Storage;

/// <summary>
/// Turns a failure of our own storage into a <c>storage_failed</c> archive failure: not the source's fault, so no
/// retry of the download, and no message redelivery either (each would fetch the whole video again onto the same disk).
/// </summary>
internal static class StorageFailure
{
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>What the file system throws when it fails.</summary>
    public static bool Is(Exception e) => e is IOException or UnauthorizedAccessException;

    public static ArchiveException From(string doing, Exception e) =>
        new(ArchiveFailureReasons.StorageFailed, $"{doing}: {(IsDiskFull(e) ? "the disk is full" : e.Message)}");

    public static ArchiveException NoRoom(long length, long free, long keepFree) =>
        new(ArchiveFailureReasons.StorageFailed,
            $"the video is {length} bytes but the archive disk has {free} bytes free, of which {keepFree} are kept spare (Archive:KeepFreeMegabytes)");

    /// <summary>A full disk or an exhausted quota; on Unix the HResult is the errno.</summary>
    private static bool IsDiskFull(Exception e) =>
        e is IOException { HResult: Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull };
}
