using System.Globalization;
using System.Text.Json.Nodes;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>
/// EvoLink's <c>model_params</c>, where seed 004 puts multi-shot (and element control and watermark, which no
/// <see cref="VideoOptions"/> field carries yet). The seed names <c>multi_shot</c> and <c>shot_type</c> but not how
/// custom shots are spelled; they go as Kling's own <c>multi_prompt</c> [I], whose parameters <c>model_params</c>
/// passes on under Kling's names: <c>{ index (from 1), prompt, duration (seconds as a string) }</c>.
/// </summary>
internal static class EvoLinkModelParams
{
    /// <summary>The shot type under which the caller writes the shots (seed 004: the prompt may then be empty).</summary>
    public const string CustomShots = "customize";

    /// <summary>Left out when no multi-shot option is set, so EvoLink's defaults apply.</summary>
    public static JsonObject? For(VideoOptions o) =>
        o.MultiShot is null && o.ShotType is null && o.MultiPrompt is not { Count: > 0 }
            ? null
            : new JsonObject()
                .Set("multi_shot", o.MultiShot)
                .Set("shot_type", o.ShotType)
                .Set("multi_prompt", o.MultiPrompt is { Count: > 0 } shots ? Shots(shots) : null);

    private static JsonArray Shots(IReadOnlyList<PromptShot> shots) =>
        new(shots.Select((shot, i) => (JsonNode?)new JsonObject { ["index"] = i + 1, ["prompt"] = shot.Prompt }
            .Set("duration", shot.Duration?.ToString(CultureInfo.InvariantCulture))).ToArray());
}
