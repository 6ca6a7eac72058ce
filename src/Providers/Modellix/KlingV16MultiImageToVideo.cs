using System.Text.Json.Nodes;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Http;
using VideoPlatform.Providers.Validation;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix <c>kling-v1.6-mi2v</c> (seed 001): 1–4 reference images plus a prompt.</summary>
internal sealed class KlingV16MultiImageToVideo(IModellixApi api) : ModellixModel(api)
{
    public override string Model => "kling-v1.6-mi2v";

    protected override string SubmitPath => "/api/v1/image-to-video/kling/kling-v1.6-mi2v/async";

    public override IReadOnlyList<RuleViolation> Validate(VideoOptions o) => new RuleSet()
        .OnlyThese(o, Endpoint, "image_list", "prompt", "negative_prompt", "mode", "duration", "aspect_ratio")
        .Required("image_list", o.ImageList)
        .Count("image_list", o.ImageList, 1, 4)
        .NoEmptyItems("image_list", o.ImageList)
        .Required("prompt", o.Prompt)
        .Length("prompt", o.Prompt, 1, 2500)
        .Length("negative_prompt", o.NegativePrompt, 1, 2500)
        .OneOf("mode", o.Mode, Modes)
        .OneOf("duration", o.Duration, 5, 10)
        .OneOf("aspect_ratio", o.AspectRatio, AspectRatios)
        .Violations;

    public override JsonObject BuildBody(VideoOptions o) => new JsonObject()
        .Set("image_list", JsonBody.Array(o.ImageList, image => new JsonObject { ["image"] = image }))
        .Set("prompt", o.Prompt)
        .Set("negative_prompt", o.NegativePrompt)
        .Set("mode", o.Mode)
        .Set("duration", o.Duration)
        .Set("aspect_ratio", o.AspectRatio);
}
