using System.Text.Json;

namespace ProviderSimulator.Api;

/// <summary>
/// Presence checks for required body fields, answering a problem or null. Deliberately no more than
/// presence and type (a URL where the provider takes only URLs): validating business rules is the platform's job,
/// and the simulator must not hide its gaps.
/// </summary>
public static class Require
{
    public static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() != ""
            ? null
            : $"{name} is required";

    public static string? NonEmptyArray(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
            ? null
            : $"{name} is required and must be a non-empty array";

    /// <summary>A field the provider documents as a URL: absent passes, present must be an http(s) URL, not inline base64.</summary>
    public static string? UrlIfPresent(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value)
        || (value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https")
            ? null
            : $"{name} must be an image URL";
}
