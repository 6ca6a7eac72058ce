using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Tests.Support;

internal static class JsonAssertions
{
    /// <summary>Same field names, same values and same JSON kinds (a string "5" is not the number 5).</summary>
    public static void ShouldBeJson(this JsonNode? actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).ShouldBeTrue(
            $"expected {JsonNode.Parse(expected)?.ToJsonString()} but got {actual?.ToJsonString()}");
}
