using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>
/// A checked-in schema records the package version it describes in its <c>$comment</c>: a standard keyword, so strict
/// validators accept it, and the baseline a breaking change is judged against.
/// </summary>
internal static partial class SchemaVersion
{
    public static string Comment(Version version) =>
        $"VideoPlatform.Contracts {version}. Generated from src/Contracts by tests/Contracts.Tests; do not edit: " +
        $"{CheckedInSchemas.RegenerateCommand}.";

    public static Version Of(JsonObject schema)
    {
        var match = VersionInComment().Match((string?)schema["$comment"] ?? "");
        return match.Success ? Version.Parse(match.Groups[1].Value) : throw new InvalidDataException("the schema's $comment names no VideoPlatform.Contracts version");
    }

    [GeneratedRegex(@"^VideoPlatform\.Contracts (\d+\.\d+\.\d+)\.")]
    private static partial Regex VersionInComment();
}
