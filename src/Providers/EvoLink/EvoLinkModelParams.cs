using System.Globalization;
using System.Text.Json.Nodes;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>
/// EvoLink's <c>model_params</c>, where seed 004 puts multi-shot, element control and watermark without spelling them.
/// They go under Kling's own names, which <c>model_params</c> passes on (EvoLink's kling-custom-element example sends
/// Kling's <c>element_name</c>, <c>element_image_list</c>… there as they are):
/// <list type="bullet">
/// <item><c>multi_shot</c>, <c>shot_type</c> (seed 004) and custom shots as Kling's <c>multi_prompt</c> [I]:
/// <c>{ index (from 1), prompt, duration (seconds as a string) }</c>.</item>
/// <item>Elements as <c>element_list: [{ "element_id": &lt;number&gt; }]</c>: EvoLink names the parameter
/// (https://docs.evolink.ai/en/api-manual/video-series/kling/kling-custom-element: the <c>element_id</c> "can be referenced
/// in … Kling V3 Image-to-Video via the <c>element_list</c> parameter"); the item shape is Kling's
/// (<c>"element_list":[{ "element_id": 829836802793406551 }]</c>, as mirrored at
/// https://docs.powertokens.ai/en/zmodelImage/kling/kling-v3-omni-image-omni).</item>
/// <item>Watermark as Kling's <c>watermark_info: { "enabled": bool }</c> (Kling's create-task body, as mirrored at
/// https://s.apifox.cn/878754d8-ccde-4450-b437-77bcbf443c97/api-427944990) [I] for EvoLink, which names no key.</item>
/// </list>
/// </summary>
internal static class EvoLinkModelParams
{
    /// <summary>The shot type under which the caller writes the shots (seed 004: the prompt may then be empty).</summary>
    public const string CustomShots = "customize";

    /// <summary>Left out when no option of its own is set, so EvoLink's defaults apply.</summary>
    public static JsonObject? For(VideoOptions o) =>
        o.MultiShot is null && o.ShotType is null && o.MultiPrompt is not { Count: > 0 } && o.ElementIds is not { Count: > 0 } && o.Watermark is null
            ? null
            : new JsonObject()
                .Set("multi_shot", o.MultiShot)
                .Set("shot_type", o.ShotType)
                .Set("multi_prompt", o.MultiPrompt is { Count: > 0 } shots ? Shots(shots) : null)
                .Set("element_list", o.ElementIds is { Count: > 0 } ids ? Elements(ids) : null)
                .Set("watermark_info", o.Watermark is { } enabled ? new JsonObject { ["enabled"] = enabled } : null);

    /// <summary>
    /// A Kling element id is a 64-bit whole number; the caller writes it as digits (a JSON number that long loses its last
    /// digits in JavaScript), and it is sent as the number Kling documents.
    /// </summary>
    public static bool IsElementId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static JsonArray Shots(IReadOnlyList<PromptShot> shots) =>
        new(shots.Select((shot, i) => (JsonNode?)new JsonObject { ["index"] = i + 1, ["prompt"] = shot.Prompt }
            .Set("duration", shot.Duration?.ToString(CultureInfo.InvariantCulture))).ToArray());

    /// <summary>Only called with ids that passed <see cref="IsElementId"/>.</summary>
    private static JsonArray Elements(IReadOnlyList<string> ids) =>
        new(ids.Select(id => (JsonNode?)new JsonObject { ["element_id"] = long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture) }).ToArray());
}
