using VideoPlatform.Contracts;

namespace VideoPlatform.Providers.Validation;

/// <summary>
/// The option fields by their snake_case names, so an endpoint can list what it accepts and reject the rest
/// instead of silently dropping a field the caller paid attention to.
/// </summary>
public static class OptionFields
{
    private static readonly (string Name, Func<VideoOptions, object?> Get)[] All =
    [
        ("prompt", o => o.Prompt),
        ("negative_prompt", o => o.NegativePrompt),
        ("image", o => o.Image),
        ("end_image", o => o.EndImage),
        ("image_list", o => o.ImageList),
        ("images", o => o.Images),
        ("videos", o => o.Videos),
        ("multi_prompt", o => o.MultiPrompt),
        ("duration", o => o.Duration),
        ("aspect_ratio", o => o.AspectRatio),
        ("mode", o => o.Mode),
        ("resolution", o => o.Resolution),
        ("sound", o => o.Sound),
        ("cfg_scale", o => o.CfgScale),
        ("multi_shot", o => o.MultiShot),
        ("shot_type", o => o.ShotType),
        ("callback_url", o => o.CallbackUrl),
        ("element_ids", o => o.ElementIds),
        ("watermark", o => o.Watermark),
    ];

    public static RuleSet OnlyThese(this RuleSet rules, VideoOptions options, string endpoint, params string[] supported)
    {
        foreach (var (name, get) in All.Where(f => !supported.Contains(f.Name)))
            rules.Unsupported(name, get(options), endpoint);
        return rules;
    }
}
