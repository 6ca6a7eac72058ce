using System.Text.Json.Nodes;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Callbacks;
using VideoPlatform.Providers.Http;
using VideoPlatform.Providers.Validation;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>
/// EvoLink <c>kling-v3-image-to-video</c> (seed 004): first frame, optional last frame, prompt, multi-shot (custom
/// shots included), element control and watermark (the last three in <see cref="EvoLinkModelParams"/>).
/// Named with its provider because Modellix already has a <c>KlingV3ImageToVideo</c>.
/// Violations name EvoLink's fields: <c>image_start</c> is our <c>image</c>, <c>image_end</c> our <c>end_image</c>,
/// <c>quality</c> our <c>resolution</c>, <c>element_list</c> our <c>element_ids</c>.
/// </summary>
internal sealed class EvoLinkKlingV3ImageToVideo(IEvoLinkApi api, CallbackUrls callbacks) : IVideoModel
{
    public string Provider => "evolink";

    public string Model => "kling-v3-image-to-video";

    private string Endpoint => $"evolink {Model}";

    public IReadOnlyList<RuleViolation> Validate(VideoOptions o)
    {
        // Every rule is seed 004's; callback_url's (https, no internal host, ≤ 2048) are in CallbackUrlRule.
        var customizedMultiShot = o.MultiShot == true && o.ShotType == EvoLinkModelParams.CustomShots;
        return new RuleSet()
            .OnlyThese(o, Endpoint, "image", "end_image", "prompt", "negative_prompt", "duration", "resolution", "sound",
                "multi_shot", "shot_type", "multi_prompt", "element_ids", "watermark", "callback_url")
            .When(o.Image is null, "image_start", "required", "image_start (the image option) is required")
            // Seed 004: first and last frame are image URLs "directly accessible by the server"; base64 earns a 400.
            .ImageUrl("image_start", o.Image)
            .When(o.EndImage is not null && o.Image is null, "image_end", "conditional", "image_end (the end_image option) needs image_start")
            .ImageUrl("image_end", o.EndImage)
            .When(string.IsNullOrEmpty(o.Prompt) && !customizedMultiShot, "prompt", "required",
                "prompt is required unless multi_shot is true with shot_type customize")
            .Length("prompt", o.Prompt, 0, 2500)
            // Seed 004 gives negative_prompt no limit, shot_type no list of values and no tie to multi_shot:
            // those are EvoLink's to judge, not refused here.
            .Range("duration", o.Duration, 3, 15)
            .OneOf("quality", o.Resolution, "720p", "1080p", "4k")
            // Seed 004's custom shots are the multi_shot=true, shot_type=customize mode; sent in any other, they would
            // be ignored while the caller believes they were used.
            .When(o.MultiPrompt is { Count: > 0 } && !customizedMultiShot, "multi_prompt", "conditional",
                "multi_prompt (custom shots) needs multi_shot true and shot_type customize")
            // Only the form an id must have to be sent as a number. Seed 004 sets no count and does not tie a prompt's
            // <<<element_N>>> to an N-th element, so neither is refused here.
            .When(o.ElementIds?.Any(id => !EvoLinkModelParams.IsElementId(id)) == true, "element_list", "format",
                "every element_list id (the element_ids option) must be a whole number written in digits, as Kling's element_id is")
            .CallbackUrl("callback_url", o.CallbackUrl)
            .Violations;
    }

    /// <summary>The documented body; only called with options that passed <see cref="Validate"/>.</summary>
    public JsonObject BuildBody(VideoOptions o) => new JsonObject { ["model"] = Model }
        .Set("image_start", o.Image)
        .Set("image_end", o.EndImage)
        .Set("prompt", o.Prompt)
        .Set("negative_prompt", o.NegativePrompt)
        .Set("duration", o.Duration)
        .Set("quality", o.Resolution)
        .Set("sound", JsonBody.OnOff(o.Sound))
        .Set("model_params", EvoLinkModelParams.For(o))
        .Set("callback_url", o.CallbackUrl);

    /// <summary>
    /// EvoLink takes one callback URL. A caller's own <c>callback_url</c> wins (they asked for it); otherwise ours is
    /// sent when configured, so completion is seen at once instead of at the next recheck.
    /// </summary>
    public Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken) =>
        api.SubmitAsync(BuildBody(options).Set("callback_url", options.CallbackUrl ?? callbacks.For(Provider, requestId)), requestId, cancellationToken);

    public Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken) =>
        api.GetTaskAsync(providerTaskId, cancellationToken);
}
