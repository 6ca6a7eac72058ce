using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VideoPlatform.TestSupport;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// A service started the way an operator starts it: its built program in its own folder (so its own appsettings.json
/// is read), with the given environment and arguments. Killed on dispose.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process) => _process = process;

    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var folder = BuiltFolder(project);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, project + ".dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        // Drain the pipes so a chatty service never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process);
    }

    /// <summary>GETs <paramref name="url"/> until it answers (or the process exits, or the time is up).</summary>
    public async Task<HttpResponseMessage?> GetWhenListeningAsync(string url, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                return await http.GetAsync(url);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        return null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>src/{project}/bin/{configuration}/{framework}, the configuration and framework this test was built with.</summary>
    private static string BuiltFolder(string project)
    {
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryRoot.Path, "src", project, "bin", testFolder.Parent!.Name, testFolder.Name);
    }
}
