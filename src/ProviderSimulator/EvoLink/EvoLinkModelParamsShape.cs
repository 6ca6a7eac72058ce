using System.Text.Json;

namespace ProviderSimulator.EvoLink;

/// <summary>
/// Types in seed 004's <c>model_params</c> for element control and watermark, which pass on Kling's own fields:
/// <c>element_list: [{ "element_id": whole number }]</c> and <c>watermark_info: { "enabled": bool }</c>. What EvoLink
/// answers to other shapes is not documented; a 400 here makes an adapter that drifts from Kling's shape fail loudly.
/// </summary>
public static class EvoLinkModelParamsShape
{
    public static string? Problem(JsonElement body)
    {
        if (!body.TryGetProperty("model_params", out var modelParams))
            return null;
        if (modelParams.ValueKind != JsonValueKind.Object)
            return "model_params must be an object";
        return ElementListProblem(modelParams) ?? WatermarkProblem(modelParams);
    }

    private static string? ElementListProblem(JsonElement modelParams) =>
        !modelParams.TryGetProperty("element_list", out var elements)
        || (elements.ValueKind == JsonValueKind.Array && elements.EnumerateArray().All(IsElement))
            ? null
            : "model_params.element_list must be an array of { \"element_id\": <whole number> }";

    private static bool IsElement(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("element_id", out var id)
        && id.ValueKind == JsonValueKind.Number
        && id.TryGetInt64(out _);

    private static string? WatermarkProblem(JsonElement modelParams) =>
        !modelParams.TryGetProperty("watermark_info", out var watermark)
        || (watermark.ValueKind == JsonValueKind.Object
            && watermark.TryGetProperty("enabled", out var enabled)
            && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False)
            ? null
            : "model_params.watermark_info must be { \"enabled\": true | false }";
}
