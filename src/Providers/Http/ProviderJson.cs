using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// The providers all speak snake_case JSON and omit absent optional fields. Scalars are read leniently
/// (<see cref="LenientScalars"/>), so one odd side value never makes a whole answer unreadable.
/// </summary>
internal static class ProviderJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        foreach (var converter in LenientScalars.Converters)
            options.Converters.Add(converter);
        return options;
    }
}
