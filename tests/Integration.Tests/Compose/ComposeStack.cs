using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace VideoPlatform.Integration.Tests.Compose;

/// <summary>
/// docker-compose.yml and the files its services mount, read as a Docker engine would see them (anchors and
/// <c>&lt;&lt;</c> merge keys resolved), without one. <paramref name="edit"/> lets a test break a file in memory.
/// </summary>
public sealed class ComposeStack
{
    public const string ComposeFile = "docker-compose.yml";

    private readonly Func<string, string, string> _edit;
    private readonly YamlMappingNode _services;

    private ComposeStack(Func<string, string, string>? edit)
    {
        _edit = edit ?? ((_, text) => text);
        _services = (YamlMappingNode)Yaml(ComposeFile)["services"];
    }

    /// <param name="edit">(repository-relative path, text) → the text to use instead.</param>
    public static ComposeStack Load(Func<string, string, string>? edit = null) => new(edit);

    public static string RepositoryRoot => TestSupport.RepositoryRoot.Path;

    public IEnumerable<string> ServiceNames => _services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public YamlMappingNode Service(string name) => (YamlMappingNode)_services[name];

    public bool HasService(string name) => _services.Children.ContainsKey(name);

    /// <summary>The .NET project a service is built from (the Dockerfile's PROJECT argument), or null for an image.</summary>
    public string? Project(string service) =>
        Merged(Service(service)).TryGetValue("build", out var build) && build is YamlMappingNode b
        && Merged(b).TryGetValue("args", out var args) && args is YamlMappingNode a && Merged(a).TryGetValue("PROJECT", out var p)
            ? ((YamlScalarNode)p).Value
            : null;

    /// <summary>The platform's own services: built from a *.Service project.</summary>
    public IEnumerable<string> PlatformServices => ServiceNames.Where(s => Project(s)?.EndsWith(".Service", StringComparison.Ordinal) == true);

    public string Image(string service) => Merged(Service(service)).TryGetValue("image", out var image) ? ((YamlScalarNode)image).Value! : "";

    /// <summary>The first service whose image name contains <paramref name="fragment"/>.</summary>
    public string? ServiceWithImage(string fragment) => ServiceNames.FirstOrDefault(s => Image(s).Contains(fragment, StringComparison.Ordinal));

    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        if (!Merged(Service(service)).TryGetValue("environment", out var environment))
            return new Dictionary<string, string>();
        if (environment is YamlSequenceNode list)
            return list.Children.Select(i => ((YamlScalarNode)i).Value!.Split('=', 2))
                .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
        return Merged((YamlMappingNode)environment).ToDictionary(kv => kv.Key, kv => ((YamlScalarNode)kv.Value).Value ?? "");
    }

    /// <summary>Bind mounts (host path, container path, read-only); named volumes are left out.</summary>
    public IEnumerable<(string Host, string Container, bool ReadOnly)> Mounts(string service)
    {
        if (!Merged(Service(service)).TryGetValue("volumes", out var volumes))
            yield break;
        foreach (var volume in ((YamlSequenceNode)volumes).Children.Cast<YamlScalarNode>())
        {
            var parts = volume.Value!.Split(':');
            if (parts[0].StartsWith('.') || parts[0].StartsWith('/'))
                yield return (parts[0], parts[1], parts.Length > 2 && parts[2].Split(',').Contains("ro"));
        }
    }

    /// <summary>The repository-relative host path mounted at <paramref name="containerPath"/> (or at a folder above it).</summary>
    public string? HostPathOf(string service, string containerPath)
    {
        foreach (var (host, container, _) in Mounts(service))
        {
            if (containerPath == container)
                return Relative(host);
            if (containerPath.StartsWith(container.TrimEnd('/') + "/", StringComparison.Ordinal))
                return Relative(host) + containerPath[container.TrimEnd('/').Length..];
        }
        return null;
    }

    public string Text(string relativePath) =>
        _edit(relativePath, File.ReadAllText(Path.Combine(RepositoryRoot, relativePath)));

    public YamlMappingNode Yaml(string relativePath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Text(relativePath)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public JsonNode Json(string relativePath) => JsonNode.Parse(Text(relativePath))!;

    public static bool Exists(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        return File.Exists(path) || Directory.Exists(path);
    }

    public static IEnumerable<string> Files(string relativeFolder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, relativeFolder), pattern)
            .Select(f => Path.GetRelativePath(RepositoryRoot, f)).Order();

    /// <summary>A mapping with its <c>&lt;&lt;</c> merge keys applied (YAML 1.1, as compose reads it): own keys win.</summary>
    public static Dictionary<string, YamlNode> Merged(YamlMappingNode mapping)
    {
        var merged = new Dictionary<string, YamlNode>();
        foreach (var (key, value) in mapping.Children)
        {
            if (((YamlScalarNode)key).Value != "<<")
                continue;
            var sources = value is YamlSequenceNode many ? many.Children.Cast<YamlMappingNode>() : [(YamlMappingNode)value];
            foreach (var source in sources)
                foreach (var (k, v) in Merged(source))
                    merged.TryAdd(k, v);
        }
        foreach (var (key, value) in mapping.Children)
            if (((YamlScalarNode)key).Value is { } name && name != "<<")
                merged[name] = value;
        return merged;
    }

    private static string Relative(string hostPath) => hostPath.StartsWith("./", StringComparison.Ordinal) ? hostPath[2..] : hostPath;

}
