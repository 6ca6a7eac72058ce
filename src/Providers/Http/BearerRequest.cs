using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Http;

/// <summary>Builds provider requests: the key goes into the Authorization header only, never a URL or a log.</summary>
internal static class BearerRequest
{
    public const string RequestIdHeader = "X-Request-Id";

    public static HttpRequestMessage Get(string baseUrl, string path, string apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Combine(baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }

    public static HttpRequestMessage Post(string baseUrl, string path, string apiKey, JsonObject body, Guid requestId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Combine(baseUrl, path))
        {
            Content = JsonContent.Create(body, options: ProviderJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        // Lets the provider's logs (and the simulator's submit counter) tie a call to our request.
        request.Headers.Add(RequestIdHeader, requestId.ToString());
        return request;
    }

    private static Uri Combine(string baseUrl, string path) => new(baseUrl.TrimEnd('/') + path);
}
