namespace VideoPlatform.ArchiveBench;

/// <summary>This process's resident memory, from <c>/proc/self/status</c> (Linux).</summary>
public static class Memory
{
    public static long Rss() => Read("VmRSS:");

    /// <summary>The kernel's high-water mark of resident memory since <see cref="ResetPeak"/>.</summary>
    public static long Peak() => Read("VmHWM:");

    /// <summary>Writing 5 to clear_refs resets the high-water mark, so the warm-up does not count.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}
