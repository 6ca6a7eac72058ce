using System.Diagnostics;
using System.Globalization;

namespace VideoPlatform.ArchiveBench;

/// <summary>curl fetching the same URL to /dev/null: the baseline, a client that does nothing with the bytes.</summary>
public static class Curl
{
    public static async Task<(long Bytes, double Seconds)> FetchAsync(Uri url)
    {
        var start = new ProcessStartInfo("curl", ["-fsS", "-o", "/dev/null", "-w", "%{size_download} %{time_total}", url.ToString()])
        {
            RedirectStandardOutput = true,
        };
        using var curl = Process.Start(start) ?? throw new InvalidOperationException("curl did not start");
        var output = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();
        if (curl.ExitCode != 0)
            throw new InvalidOperationException($"curl exited with {curl.ExitCode}");
        var parts = output.Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
