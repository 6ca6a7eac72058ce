using System.Text.Json;

namespace VideoPlatform.Providers.Tests.Support;

internal static class SentJson
{
    /// <summary>The JSON body of a sent request, as the provider would parse it.</summary>
    public static JsonElement Json(this SentRequest request) =>
        JsonDocument.Parse(request.Body.ShouldNotBeNull()).RootElement.Clone();

    public static string[] Names(this JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToArray();
}
