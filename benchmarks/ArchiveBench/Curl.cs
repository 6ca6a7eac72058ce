using System.Diagnostics;
using System.Globalization;

namespace VideoPlatform.ArchiveBench;

/// <summary>curl fetching a URL with its defaults: no hashing, no format check, no flush to disk.</summary>
public static class Curl
{
    /// <summary>
    /// Downloads to <paramref name="outputPath"/>, a file next to the archive (same file system), as a user saving
    /// the video would; <c>/dev/null</c> measures the bare transfer. The file is deleted at once.
    /// </summary>
    public static async Task<(long Bytes, double Seconds)> FetchAsync(Uri url, string outputPath)
    {
        var start = new ProcessStartInfo("curl", ["-fsS", "-o", outputPath, "-w", "%{size_download} %{time_total}", url.ToString()])
        {
            RedirectStandardOutput = true,
        };
        try
        {
            using var curl = Process.Start(start) ?? throw new InvalidOperationException("curl did not start");
            var output = await curl.StandardOutput.ReadToEndAsync();
            await curl.WaitForExitAsync();
            if (curl.ExitCode != 0)
                throw new InvalidOperationException($"curl exited with {curl.ExitCode}");
            var parts = output.Split(' ');
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            if (outputPath != "/dev/null")
                File.Delete(outputPath);
        }
    }
}
