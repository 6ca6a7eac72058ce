using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using VideoPlatform.TestSupport;

namespace VideoPlatform.Cli.Tests;

/// <summary><c>dotnet pack src/Platform.Cli</c> makes a .NET tool package whose command is <c>platform-cli</c>.</summary>
public sealed class When_packing_the_cli : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("platform-cli-pack-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task Should_make_a_tool_package_named_platform_cli()
    {
        // Act
        var package = await PackAsync();

        // Assert
        Path.GetFileName(package).ShouldStartWith("VideoPlatform.Cli.");
        using var zip = ZipFile.OpenRead(package);
        var settings = zip.Entries.SingleOrDefault(e => e.Name == "DotnetToolSettings.xml");
        settings.ShouldNotBeNull("not a tool package: no DotnetToolSettings.xml");
        await using var stream = settings.Open();
        var command = XDocument.Load(stream).Descendants("Command").Single();
        command.Attribute("Name")!.Value.ShouldBe("platform-cli");
        command.Attribute("EntryPoint")!.Value.ShouldBe("platform-cli.dll");
        zip.Entries.ShouldContain(e => e.FullName == settings.FullName.Replace("DotnetToolSettings.xml", "platform-cli.dll"));
    }

    /// <summary>
    /// Packs what this test run already built (same configuration, no build, no restore): a few seconds, offline, and
    /// no second build racing the first one over the CLI's obj folder.
    /// </summary>
    private async Task<string> PackAsync()
    {
        var configuration = typeof(When_packing_the_cli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var project = Path.Combine(RepositoryRoot.Path, "src", "Platform.Cli", "Platform.Cli.csproj");
        var start = new ProcessStartInfo(CliProcess.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "pack", project, "--no-build", "-c", configuration, "-o", _output, "--nologo" })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"dotnet pack failed:\n{await stdout}\n{await stderr}");
        return Directory.GetFiles(_output, "*.nupkg").ShouldHaveSingleItem();
    }

}
