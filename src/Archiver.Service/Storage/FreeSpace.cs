namespace VideoPlatform.Archiver.Storage;

/// <summary>
/// Room on the archive disk for a video of known size: its free space less <see cref="ArchiveOptions.KeepFreeMegabytes"/>.
/// Checked before a download preallocates its file, so one declared size can never take the disk's last bytes.
/// </summary>
internal sealed class FreeSpace(string root, long keepFreeBytes)
{
    public static FreeSpace Of(ArchiveOptions options) => new(Path.GetFullPath(options.Root), (long)options.KeepFreeMegabytes << 20);

    /// <summary>Throws <c>storage_failed</c> when <paramref name="length"/> bytes do not fit.</summary>
    public void EnsureRoomFor(long length)
    {
        var free = new DriveInfo(root).AvailableFreeSpace;
        if (length > free - keepFreeBytes)
            throw StorageFailure.NoRoom(length, free, keepFreeBytes);
    }
}
