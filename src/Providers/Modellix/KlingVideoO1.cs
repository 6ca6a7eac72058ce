using System.Text.Json.Nodes;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Http;
using VideoPlatform.Providers.Validation;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix <c>kling-video-o1</c> (seed 003): prompt with optional reference images or one reference video.</summary>
internal sealed class KlingVideoO1(IModellixApi api) : ModellixModel(api)
{
    public override string Model => "kling-video-o1";

    protected override string SubmitPath => "/api/v1/kling/kling-video-o1/async";

    public override IReadOnlyList<RuleViolation> Validate(VideoOptions o)
    {
        var multiShot = o.MultiShot == true;
        var hasVideos = o.Videos is { Count: > 0 };
        return new RuleSet()
            .OnlyThese(o, Endpoint, "prompt", "multi_shot", "shot_type", "images", "videos", "sound", "mode", "aspect_ratio", "duration")
            .Required("prompt", o.Prompt)
            .Length("prompt", o.Prompt, 1, 2500)
            .When(multiShot && o.ShotType is null, "shot_type", "required", "shot_type is required when multi_shot is true")
            .When(!multiShot && o.ShotType is not null, "shot_type", "conditional", "shot_type must be omitted unless multi_shot is true")
            .OneOf("shot_type", o.ShotType, "intelligence")
            .Count("images", o.Images, 1, int.MaxValue)
            .NoEmptyItems("images", o.Images)
            .Count("videos", o.Videos, 1, 1)
            .NoEmptyItems("videos", o.Videos)
            .When(hasVideos && o.Sound == true, "sound", "conditional", "sound must be off when videos is present")
            .When(hasVideos && o.Duration is not null, "duration", "conditional", "duration must be omitted when videos is present")
            .OneOf("mode", o.Mode, Modes)
            .OneOf("aspect_ratio", o.AspectRatio, AspectRatios)
            .OneOf("duration", o.Duration, 5, 10)
            .Violations;
    }

    public override JsonObject BuildBody(VideoOptions o) => new JsonObject()
        .Set("prompt", o.Prompt)
        .Set("multi_shot", o.MultiShot)
        .Set("shot_type", o.ShotType)
        .Set("images", JsonBody.Array(o.Images, i => i))
        .Set("videos", JsonBody.Array(o.Videos, v => v))
        .Set("sound", JsonBody.OnOff(o.Sound))
        .Set("mode", o.Mode)
        .Set("aspect_ratio", o.AspectRatio)
        .Set("duration", o.Duration);
}
