using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers.Callbacks;
using VideoPlatform.Providers.Http;
using VideoPlatform.Providers.Validation;

namespace VideoPlatform.Providers.MyRouter;

/// <summary>MyRouter <c>kling-v3.0-pro-i2v</c> (seed 002): first frame plus a prompt or several shot prompts.</summary>
internal sealed class KlingV30ProImageToVideo(
    IMyRouterApi api, CallbackUrls callbacks, IOptionsMonitor<MyRouterWebhookOptions> webhook) : IVideoModel
{
    public string Provider => "myrouter";

    public string Model => "kling-v3.0-pro-i2v";

    private string Endpoint => $"myrouter {Model}";

    public IReadOnlyList<RuleViolation> Validate(VideoOptions o)
    {
        // Every rule is seed 002's. An empty list is no multi-shot request: it neither replaces the prompt nor
        // conflicts with it. The seed sets no rule on shot durations (not even that they add up to duration).
        var multiShot = o.MultiPrompt is { Count: > 0 };
        return new RuleSet()
            .OnlyThese(o, Endpoint, "image", "prompt", "negative_prompt", "sound", "duration", "cfg_scale", "end_image", "multi_prompt")
            .When(o.Image is null, "image", "required", "image is required")
            // Seed 002: "first frame image", its form unstated, so a URL or an inline image.
            .ImageUrlOrInline("image", o.Image)
            .When(o.Prompt is null && !multiShot, "prompt", "required", "prompt is required unless multi_prompt is given")
            .When(o.Prompt is not null && multiShot, "prompt", "conditional", "prompt and multi_prompt are mutually exclusive: send one")
            .Length("prompt", o.Prompt, 1, 2500)
            // The seed gives negative_prompt a maximum only.
            .Length("negative_prompt", o.NegativePrompt, 0, 2500)
            .Range("duration", o.Duration, 3, 15)
            .Range("cfg_scale", o.CfgScale, 0, 1)
            .When(o.EndImage is not null && multiShot, "end_image", "conditional", "end_image cannot be combined with multi_prompt")
            // Seed 002: "End frame image URL".
            .ImageUrl("end_image", o.EndImage)
            .Count("multi_prompt", o.MultiPrompt, 1, int.MaxValue)
            // "List of prompts": a shot without prompt text is none.
            .When(o.MultiPrompt?.Any(shot => string.IsNullOrWhiteSpace(shot.Prompt)) == true,
                "multi_prompt", "length", "every multi_prompt shot needs a non-empty prompt")
            .Violations;
    }

    /// <summary>The documented body; only called with options that passed <see cref="Validate"/>.</summary>
    public JsonObject BuildBody(VideoOptions o) => new JsonObject()
        .Set("image", o.Image)
        .Set("prompt", o.Prompt)
        .Set("negative_prompt", o.NegativePrompt)
        // A JSON boolean here, unlike the on/off strings of Modellix and EvoLink.
        .Set("sound", o.Sound)
        .Set("duration", o.Duration)
        .Set("cfg_scale", o.CfgScale)
        .Set("end_image", o.EndImage)
        // Seed 002's example gives the items as objects ("multi_prompt": [{}]); MyRouter's sibling i2v pages spell
        // them { prompt, duration }, so that is the shape sent, not plain strings.
        .Set("multi_prompt", JsonBody.Array(o.MultiPrompt, shot => new JsonObject()
            .Set("prompt", shot.Prompt)
            .Set("duration", shot.Duration)));

    /// <summary>
    /// Asks for a webhook in Novita's <c>extra.webhook.url</c> only when the undocumented webhook is switched on
    /// (<see cref="MyRouterWebhookOptions"/>) and callbacks are configured; otherwise polling alone finds the result.
    /// </summary>
    public Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken) =>
        api.SubmitAsync(Model, BuildBody(options).Set("extra", Webhook(requestId)), requestId, cancellationToken);

    private JsonObject? Webhook(Guid requestId) =>
        webhook.CurrentValue.SendUndocumentedWebhook && callbacks.For(Provider, requestId) is { } url
            ? new JsonObject { ["webhook"] = new JsonObject { ["url"] = url } }
            : null;

    public Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken) =>
        api.GetTaskResultAsync(providerTaskId, cancellationToken);
}
