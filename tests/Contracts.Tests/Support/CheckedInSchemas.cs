using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VideoPlatform.TestSupport;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>The schema files under <c>contracts/schemas/</c>, one per message, named after it.</summary>
internal static class CheckedInSchemas
{
    public const string RegenerateCommand = "UPDATE_SCHEMAS=1 dotnet test tests/Contracts.Tests";

    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "contracts", "schemas");

    /// <summary>Set when the run should rewrite the files instead of comparing with them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") is "1" or "true";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep "<", ">" and "'" in descriptions readable in the files.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string PathOf(string messageName) => Path.Combine(Folder, $"{messageName}.json");

    public static IEnumerable<string> Files() => Directory.EnumerateFiles(Folder, "*.json");

    public static JsonObject? Read(string messageName) =>
        File.Exists(PathOf(messageName)) ? JsonNode.Parse(File.ReadAllText(PathOf(messageName)))!.AsObject() : null;

    public static string Text(JsonObject schema) => schema.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    public static void Write(string messageName, JsonObject schema)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(PathOf(messageName), Text(schema));
    }
}
