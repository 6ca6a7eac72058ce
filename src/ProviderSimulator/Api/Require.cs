using System.Text.Json;

namespace ProviderSimulator.Api;

/// <summary>
/// Presence checks for required body fields, answering a problem or null. Deliberately no more than
/// presence and type: validating business rules is the platform's job, and the simulator must not hide its gaps.
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
}
