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
// Each round, curl fetches <url> to a file in the archive's folder and then to /dev/null, then the archiver archives
// it exactly as the service does (guarded handler, streaming download, checks, flush, move into place, sidecar) into
// that folder; every file is deleted at once. The ratio compares the archiver with curl to /dev/null, the bare
// transfer; curl saving the same file to the same file system (no hash, no check, no flush) is printed beside it.
// Rounds alternate so all see the same machine; the median round of each is compared, as the machine is shared
// with other work that a best round would hide. Prints every round, then, last, one JSON line.
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
    Directory.CreateDirectory(root);
    var curlFile = Path.Combine(root, "curl.mp4");
    File.Delete((await archiver.ArchiveAsync(warmUp)).Path);
    await Curl.FetchAsync(warmUp, curlFile);
    await Curl.FetchAsync(warmUp, "/dev/null");
    GC.Collect();
    Memory.ResetPeak();
    var rssBefore = Memory.Rss();

    Console.WriteLine($"{"round",-7}{"curl to /dev/null MB/s",24}{"curl to file MB/s",19}{"archiver MB/s",16}{"ratio",8}{"archiver CPU s",16}");
    List<double> curlToFile = [], curlToNull = [], archiverRates = [];
    for (var round = 1; round <= rounds; round++)
    {
        var (curlBytes, curlSeconds) = await Curl.FetchAsync(source, curlFile);
        var (curlNullBytes, curlNullSeconds) = await Curl.FetchAsync(source, "/dev/null");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var stored = await archiver.ArchiveAsync(source);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        File.Delete(stored.Path);
        if (curlBytes != stored.Sidecar.SizeBytes || curlNullBytes != stored.Sidecar.SizeBytes)
            throw new InvalidOperationException($"curl got {curlBytes} and {curlNullBytes} bytes, the archiver {stored.Sidecar.SizeBytes}");

        var curlMbs = curlBytes / curlSeconds / 1e6;
        var curlNullMbs = curlNullBytes / curlNullSeconds / 1e6;
        var archiverMbs = stored.Sidecar.SizeBytes / seconds / 1e6;
        curlToFile.Add(curlMbs);
        curlToNull.Add(curlNullMbs);
        archiverRates.Add(archiverMbs);
        Console.WriteLine($"{round,-7}{curlNullMbs,24:F1}{curlMbs,19:F1}{archiverMbs,16:F1}{archiverMbs / curlNullMbs,8:F3}{cpuSeconds,16:F2}");
    }
    var growthMib = (Memory.Peak() - rssBefore) / 1048576.0;
    var (medianCurl, medianCurlNull, medianArchiver) = (Median(curlToFile), Median(curlToNull), Median(archiverRates));
    Console.WriteLine($"{"median",-7}{medianCurlNull,24:F1}{medianCurl,19:F1}{medianArchiver,16:F1}{medianArchiver / medianCurlNull,8:F3}");
    Console.WriteLine($"archiver against curl to a file: {medianArchiver / medianCurl:F3}");
    Console.WriteLine($"archiver RSS {rssBefore / 1048576.0:F1} MiB before, growth {growthMib:F1} MiB at peak");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"archiver_mb_s\":{medianArchiver:F1},\"curl_mb_s\":{medianCurlNull:F1},\"ratio\":{medianArchiver / medianCurlNull:F3},\"rss_growth_mib\":{growthMib:F1},\"curl_to_file_mb_s\":{medianCurl:F1},\"ratio_to_file\":{medianArchiver / medianCurl:F3}}}"));
    return 0;
}
finally
{
    if (Directory.Exists(root))
        Directory.Delete(root, recursive: true);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
