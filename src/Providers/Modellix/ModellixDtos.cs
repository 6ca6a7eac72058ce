using System.Text.Json;

namespace VideoPlatform.Providers.Modellix;

/// <summary>
/// Modellix wraps every answer as <c>{ code, message, data }</c>; errors carry the HTTP code and "Category: detail".
/// Numbers are read as <see cref="double"/> wherever they measure something, so a float or numeric text is read too.
/// </summary>
internal sealed record ModellixEnvelope<T>(int? Code, string? Message, T? Data);

internal sealed record ModellixSubmitData(string? Status, string? TaskId, string? ModelId);

/// <param name="ResultExpiresAt">Unix milliseconds, as documented.</param>
/// <param name="CompletedAt">A Unix time in an undocumented unit: seconds or milliseconds, told apart by magnitude.</param>
internal sealed record ModellixTaskData(
    string? TaskId,
    string? Status,
    ModellixResult? Result,
    double? ResultExpiresAt,
    double? CompletedAt,
    JsonElement? Error,
    string? Message);

internal sealed record ModellixResult(IReadOnlyList<ModellixResource>? Resources);

internal sealed record ModellixResource(string? Url, string? Type, double? Width, double? Height, string? Format);
