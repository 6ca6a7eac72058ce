using System.Text.Json;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix wraps every answer as <c>{ code, message, data }</c>; errors carry the HTTP code and "Category: detail".</summary>
internal sealed record ModellixEnvelope<T>(int Code, string? Message, T? Data);

internal sealed record ModellixSubmitData(string? Status, string? TaskId, string? ModelId);

internal sealed record ModellixTaskData(
    string? TaskId,
    string? Status,
    ModellixResult? Result,
    long? ResultExpiresAt,
    long? CompletedAt,
    JsonElement? Error,
    string? Message);

internal sealed record ModellixResult(IReadOnlyList<ModellixResource>? Resources);

internal sealed record ModellixResource(string? Url, string? Type, int? Width, int? Height, string? Format);
