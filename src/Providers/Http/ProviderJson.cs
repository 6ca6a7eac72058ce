using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// The providers all speak snake_case JSON and omit absent optional fields. Answers are read leniently
/// (<see cref="LenientFields"/>), so one odd side value never makes a whole answer unreadable.
/// </summary>
internal static class ProviderJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LenientFields.Attach } },
    };
}
