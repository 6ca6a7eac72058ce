using System.Text.Json.Nodes;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>One field of a message at any depth, e.g. <c>options.multiPrompt[].prompt</c>.</summary>
internal sealed record SchemaField(string Path, bool Required, string Type);

/// <summary>Lists every field a schema declares, nested objects and list items included.</summary>
internal static class SchemaFields
{
    public static IReadOnlyDictionary<string, SchemaField> Of(JsonObject schema)
    {
        var fields = new Dictionary<string, SchemaField>();
        Collect(schema, schema, "", fields);
        return fields;
    }

    /// <summary>Follows a <c>$ref</c> (the exporter points at the first place a repeated type appears).</summary>
    public static JsonObject Resolve(JsonObject root, JsonObject node)
    {
        if (node["$ref"] is not JsonValue reference)
            return node;
        JsonNode target = root;
        foreach (var segment in ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            target = target[segment.Replace("~1", "/").Replace("~0", "~")]!;
        return target.AsObject();
    }

    private static void Collect(JsonObject root, JsonObject node, string path, Dictionary<string, SchemaField> fields)
    {
        node = Resolve(root, node);
        if (node["items"] is JsonObject items)
            Collect(root, items, path + "[]", fields);
        if (node["properties"] is not JsonObject properties)
            return;

        var required = node["required"]?.AsArray().Select(name => (string)name!).ToHashSet() ?? [];
        foreach (var (name, property) in properties)
        {
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            var schema = Resolve(root, property!.AsObject());
            fields[fieldPath] = new SchemaField(fieldPath, required.Contains(name), schema["type"]?.ToJsonString() ?? "any");
            Collect(root, schema, fieldPath, fields);
        }
    }
}
