using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VideoPlatform.Archiver.Download;

/// <summary>
/// Gives back the page cache a written, flushed part of a video holds. Nobody reads a video right after archiving
/// it, and recycling the same few pages is much cheaper than taking fresh memory for every block: on a VM each
/// fresh page costs a fault in the host, several times the copy itself. Advice only; ignored where unsupported.
/// </summary>
internal static class PageCache
{
    private const int PosixFadviseDontNeed = 4;

    public static void Release(SafeFileHandle file, long length)
    {
        if (OperatingSystem.IsLinux())
            _ = PosixFadvise(file, 0, length, PosixFadviseDontNeed);
    }

    // DllImport rather than LibraryImport, which would need unsafe code enabled for the whole project.
    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(SafeFileHandle file, long offset, long length, int advice);
}
