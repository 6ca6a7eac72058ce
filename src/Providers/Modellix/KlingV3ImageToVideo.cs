using System.Text.Json.Nodes;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Http;
using VideoPlatform.Providers.Validation;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix <c>kling-v3-i2v</c> (seed 000): one image plus a prompt.</summary>
internal sealed class KlingV3ImageToVideo(IModellixApi api) : ModellixModel(api)
{
    public override string Model => "kling-v3-i2v";

    protected override string SubmitPath => "/api/v1/kling/kling-v3-i2v/async";

    public override IReadOnlyList<RuleViolation> Validate(VideoOptions o) => new RuleSet()
        .OnlyThese(o, Endpoint, "image", "prompt", "negative_prompt", "sound", "cfg_scale", "mode", "aspect_ratio", "duration")
        .Required("image", o.Image)
        .Required("prompt", o.Prompt)
        .Length("prompt", o.Prompt, 1, 2500)
        .Length("negative_prompt", o.NegativePrompt, 1, 2500)
        .Range("cfg_scale", o.CfgScale, 0, 1)
        .OneOf("mode", o.Mode, Modes)
        .OneOf("aspect_ratio", o.AspectRatio, AspectRatios)
        .Range("duration", o.Duration, 3, 15)
        .Violations;

    public override JsonObject BuildBody(VideoOptions o) => new JsonObject()
        .Set("image", o.Image)
        .Set("prompt", o.Prompt)
        .Set("negative_prompt", o.NegativePrompt)
        .Set("sound", JsonBody.OnOff(o.Sound))
        .Set("cfg_scale", o.CfgScale)
        .Set("mode", o.Mode)
        .Set("aspect_ratio", o.AspectRatio)
        .Set("duration", o.Duration);
}
