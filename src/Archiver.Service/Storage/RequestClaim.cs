using Microsoft.Win32.SafeHandles;

namespace VideoPlatform.Archiver.Storage;

/// <summary>
/// The right to archive one request, held as an exclusive lock on <c>{root}/.claims/{requestId}.lock</c> for as long
/// as the claim lives. The lock is the operating system's (flock on Linux), so it holds between every process using
/// the archive folder, not only within this one, and dies with the process that holds it: a killed archiver never
/// leaves a request claimed. The file itself stays until <see cref="AbandonedDownloadSweeper"/> finds it unclaimed
/// and long unused; removing it on release would let a waiter lock the removed file while a newcomer locks a new one.
/// </summary>
public sealed class RequestClaim : IDisposable
{
    private const string Extension = ".lock";

    private readonly SafeFileHandle file;

    private RequestClaim(SafeFileHandle file) => this.file = file;

    /// <summary>The claim on <paramref name="requestId"/>, or null while another delivery holds it.</summary>
    public static RequestClaim? TryTake(string folder, Guid requestId)
    {
        var claim = TryLock(Path.Combine(folder, $"{requestId:N}{Extension}"), FileMode.OpenOrCreate);
        // Marks it in use, so the sweeper's age test sees when it was last claimed rather than first made.
        if (claim is not null)
            File.SetLastWriteTimeUtc(claim.file, DateTime.UtcNow);
        return claim;
    }

    /// <summary>Deletes the claim files in <paramref name="folder"/> unused since <paramref name="usedBefore"/> that nobody holds.</summary>
    public static int DeleteUnused(string folder, DateTimeOffset usedBefore)
    {
        var deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles($"*{Extension}"))
        {
            if (file.LastWriteTimeUtc >= usedBefore.UtcDateTime)
                continue;
            try
            {
                // Deleted while locked by us, so never from under a download that holds it.
                using var claim = TryLock(file.FullName, FileMode.Open);
                if (claim is null)
                    continue;
                file.Delete();
                deleted++;
            }
            catch (FileNotFoundException)
            {
                // Another instance swept it first.
            }
        }
        return deleted;
    }

    public void Dispose() => file.Dispose();

    private static RequestClaim? TryLock(string path, FileMode mode)
    {
        try
        {
            return new RequestClaim(File.OpenHandle(path, mode, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return null;
        }
    }

    /// <summary>The sharing violation of a lock already taken: EWOULDBLOCK on Linux (11) and macOS (35), ERROR_SHARING_VIOLATION on Windows.</summary>
    private static bool IsHeldElsewhere(IOException e) =>
        e.GetType() == typeof(IOException) && e.HResult is 11 or 35 or unchecked((int)0x80070020);
}
