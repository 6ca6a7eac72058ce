using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>Where a message's JSON on the wire and its schema disagree: a field only one of them has, or a JSON type the schema does not allow.</summary>
internal static class WireShape
{
    public static IReadOnlyList<string> Mismatches(JsonObject schema, JsonNode? wire)
    {
        var problems = new List<string>();
        Compare(schema, schema, wire, "$", problems);
        return problems;
    }

    private static void Compare(JsonObject root, JsonObject schema, JsonNode? wire, string path, List<string> problems)
    {
        schema = SchemaFields.Resolve(root, schema);
        var allowed = AllowedTypes(schema);
        var kind = KindOf(wire);
        if (allowed is not null && !allowed.Contains(kind) && !(kind == "integer" && allowed.Contains("number")))
            problems.Add($"{path}: the wire has {kind}, the schema allows {string.Join("|", allowed)}");

        if (wire is JsonObject message)
        {
            var declared = schema["properties"] as JsonObject ?? new JsonObject();
            foreach (var (name, _) in message.Where(field => !declared.ContainsKey(field.Key)))
                problems.Add($"{path}.{name}: on the wire but not in the schema");
            foreach (var (name, fieldSchema) in declared)
            {
                if (message.TryGetPropertyValue(name, out var value))
                    Compare(root, fieldSchema!.AsObject(), value, $"{path}.{name}", problems);
                else
                    problems.Add($"{path}.{name}: in the schema but not on the wire");
            }
        }
        else if (wire is JsonArray items && schema["items"] is JsonObject itemSchema)
        {
            foreach (var item in items)
                Compare(root, itemSchema, item, $"{path}[]", problems);
        }
    }

    private static HashSet<string>? AllowedTypes(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Select(type => (string)type!).ToHashSet(),
        JsonValue type => [(string)type!],
        _ => null,
    };

    private static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number when long.TryParse(node.ToJsonString(), out _) => "integer",
            JsonValueKind.Number => "number",
            var other => other.ToString(),
        },
    };
}
