using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoPlatform.Submitter.Commands;

/// <summary>
/// Fields of a command or envelope read from its raw JSON as MassTransit's serializer would read them: names
/// case-insensitive, the last one given wins. Used where the typed read failed, to find whom to answer.
/// </summary>
internal static class RawFields
{
    /// <exception cref="ArgumentException">A name is given twice with the same case (JsonObject refuses it).</exception>
    public static JsonNode? Field(JsonObject? owner, string name) =>
        owner?.LastOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The node's text when it is a JSON string, else null.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The command's <c>requestId</c> when it is a UUID other than all zeros.</summary>
    public static Guid? RequestId(JsonObject? command) => Uuid(Field(command, "requestId"));

    /// <summary>A UUID other than all zeros, from a JSON string.</summary>
    public static Guid? Uuid(JsonNode? node) => Guid.TryParse(Text(node), out var id) && id != Guid.Empty ? id : null;
}
