using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver;
using VideoPlatform.Archiver.Download;
using VideoPlatform.Archiver.Safety;
using VideoPlatform.Archiver.Storage;
using VideoPlatform.ArchiveBench;

// Usage: ArchiveBench <url> <warm-up url> [rounds]
// Each round, curl fetches <url> to /dev/null, then the archiver archives it exactly as the service does (guarded
// handler, streaming download, checks, flush, move into place, sidecar) into a temporary folder; the file is
// deleted at once. Rounds alternate so both see the same machine; the best round of each is compared, as the one
// least disturbed by other work. Prints every round, then, last, one JSON line.
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: ArchiveBench <url> <warm-up url> [rounds]");
    return 2;
}
var source = new Uri(args[0]);
var warmUp = new Uri(args[1]);
var rounds = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

var root = Path.Combine(Path.GetTempPath(), $"archive-bench-{Guid.NewGuid():N}");
try
{
    var options = Options.Create(new ArchiveOptions { Root = root, MaxBytes = 64L << 30, AllowedHosts = [source.Authority] });
    var policy = new SourcePolicy(HostAllowList.Parse(options.Value.AllowedHosts));
    using var http = new HttpClient(GuardedHandler.Create(policy)) { Timeout = Timeout.InfiniteTimeSpan };
    var archiver = new BenchArchiver(new VideoDownloader(http, policy, options, NullLogger<VideoDownloader>.Instance), new FileSystemVideoStorage(options));

    // Warm up JIT, connection pool and thread pool, as in a service that has been running for a while.
    File.Delete((await archiver.ArchiveAsync(warmUp)).Path);
    await Curl.FetchAsync(warmUp);
    GC.Collect();
    Memory.ResetPeak();
    var rssBefore = Memory.Rss();

    Console.WriteLine($"{"round",-7}{"curl MB/s",12}{"archiver MB/s",16}{"ratio",8}{"archiver CPU s",16}");
    double bestCurl = 0, bestArchiver = 0;
    for (var round = 1; round <= rounds; round++)
    {
        var (curlBytes, curlSeconds) = await Curl.FetchAsync(source);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var stored = await archiver.ArchiveAsync(source);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        File.Delete(stored.Path);
        if (curlBytes != stored.Sidecar.SizeBytes)
            throw new InvalidOperationException($"curl got {curlBytes} bytes, the archiver {stored.Sidecar.SizeBytes}");

        var curlMbs = curlBytes / curlSeconds / 1e6;
        var archiverMbs = stored.Sidecar.SizeBytes / seconds / 1e6;
        bestCurl = Math.Max(bestCurl, curlMbs);
        bestArchiver = Math.Max(bestArchiver, archiverMbs);
        Console.WriteLine($"{round,-7}{curlMbs,12:F1}{archiverMbs,16:F1}{archiverMbs / curlMbs,8:F3}{cpuSeconds,16:F2}");
    }
    var growthMib = (Memory.Peak() - rssBefore) / 1048576.0;
    Console.WriteLine($"{"best",-7}{bestCurl,12:F1}{bestArchiver,16:F1}{bestArchiver / bestCurl,8:F3}");
    Console.WriteLine($"archiver RSS {rssBefore / 1048576.0:F1} MiB before, growth {growthMib:F1} MiB at peak");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"archiver_mb_s\":{bestArchiver:F1},\"curl_mb_s\":{bestCurl:F1},\"ratio\":{bestArchiver / bestCurl:F3},\"rss_growth_mib\":{growthMib:F1}}}"));
    return 0;
}
finally
{
    if (Directory.Exists(root))
        Directory.Delete(root, recursive: true);
}
