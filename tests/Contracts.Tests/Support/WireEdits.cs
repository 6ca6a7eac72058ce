using System.Text.Json.Nodes;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>Turns today's JSON of a message into what an older or a newer sender would have written.</summary>
internal static class WireEdits
{
    /// <summary>An older sender's message: only the fields its schema requires, at every depth.</summary>
    public static JsonNode? WithoutOptionalFields(JsonObject schema, JsonNode? wire) => Edit(schema, schema, wire?.DeepClone(), RemoveOptional);

    /// <summary>A newer sender's message: a field nobody knows yet in every object.</summary>
    public static JsonNode? WithFieldsAddedLater(JsonObject schema, JsonNode? wire) => Edit(schema, schema, wire?.DeepClone(), AddUnknown);

    private static JsonNode? Edit(JsonObject root, JsonObject schema, JsonNode? wire, Action<JsonObject, JsonObject> edit)
    {
        schema = SchemaFields.Resolve(root, schema);
        if (wire is JsonObject message && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in message.ToList())
                if (properties[name] is JsonObject fieldSchema)
                    Edit(root, fieldSchema, value, edit);
            edit(schema, message);
        }
        else if (wire is JsonArray items && schema["items"] is JsonObject itemSchema)
        {
            foreach (var item in items)
                Edit(root, itemSchema, item, edit);
        }
        return wire;
    }

    private static void RemoveOptional(JsonObject schema, JsonObject message)
    {
        var required = schema["required"]?.AsArray().Select(name => (string)name!).ToHashSet() ?? [];
        foreach (var name in message.Select(field => field.Key).Where(name => !required.Contains(name)).ToList())
            message.Remove(name);
    }

    private static void AddUnknown(JsonObject schema, JsonObject message) =>
        message["addedInALaterVersion"] = new JsonObject { ["note"] = "a reader built against today's contract has never heard of me", ["count"] = 3 };
}
