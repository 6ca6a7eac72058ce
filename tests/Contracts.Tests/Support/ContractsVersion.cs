namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>The Contracts package version (<c>Version</c> in <c>src/Contracts/Contracts.csproj</c>), from the built assembly.</summary>
internal static class ContractsVersion
{
    public static Version Current { get; } = Trimmed(typeof(GenerateVideo).Assembly.GetName().Version!);

    private static Version Trimmed(Version version) => new(version.Major, version.Minor, version.Build);
}
