using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VideoPlatform.Cli.Tests;

/// <summary>Compares options by their set fields (lists included), written as camelCase JSON in the tables.</summary>
internal static class OptionsJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void ShouldHaveFields(this VideoOptions actual, string expected)
    {
        var actualJson = JsonSerializer.SerializeToNode(actual, Json);
        JsonNode.DeepEquals(actualJson, JsonNode.Parse(expected)).ShouldBeTrue(
            $"expected {JsonNode.Parse(expected)!.ToJsonString()} but got {actualJson!.ToJsonString()}");
    }
}
