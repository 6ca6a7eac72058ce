using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Http;

/// <summary>Request bodies leave absent options out, so each provider applies its own documented defaults.</summary>
internal static class JsonBody
{
    public static JsonObject Set(this JsonObject body, string name, JsonNode? value)
    {
        if (value is not null)
            body[name] = value;
        return body;
    }

    public static JsonArray? Array<T>(IEnumerable<T>? items, Func<T, JsonNode?> map) =>
        items is null ? null : new JsonArray(items.Select(map).ToArray());

    public static string? OnOff(bool? value) => value switch
    {
        true => "on",
        false => "off",
        null => null,
    };
}
