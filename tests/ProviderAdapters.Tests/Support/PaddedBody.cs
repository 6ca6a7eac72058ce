using System.Text.Json.Nodes;

namespace VideoPlatform.ProviderAdapters.Tests.Support;

/// <summary>A documented answer grown past the body cap by one extra field, so only its size makes it unusable.</summary>
internal static class PaddedBody
{
    public const int TwoMiB = 2 * 1024 * 1024;

    public static string Of(string json, int bytes = TwoMiB)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["padding"] = new string('x', bytes);
        return node.ToJsonString();
    }
}
