namespace VideoPlatform.Integration.Tests.Support;

/// <summary>Files the repository ships for deployments (under <c>deploy/</c>), read by tests so they prove what is shipped.</summary>
public static class ShippedFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    public static string Read(string relative) => File.ReadAllText(Path(relative));
}
