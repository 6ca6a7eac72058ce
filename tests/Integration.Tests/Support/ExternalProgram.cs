using System.Diagnostics;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>Runs a program outside .NET (a publisher in another language, ffprobe) and collects what it printed.</summary>
public static class ExternalProgram
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
