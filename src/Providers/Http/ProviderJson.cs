using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPlatform.Providers.Http;

/// <summary>The providers all speak snake_case JSON and omit absent optional fields.</summary>
internal static class ProviderJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
