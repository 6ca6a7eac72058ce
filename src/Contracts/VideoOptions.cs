namespace VideoPlatform.Contracts;

/// <summary>
/// One option shape that can carry every field of the supported provider APIs. Field names follow the
/// providers' documentation; a provider that does not support a field rejects a request that sets it.
/// </summary>
public record VideoOptions
{
    /// <summary>Positive prompt (all providers; MyRouter allows <see cref="MultiPrompt"/> instead).</summary>
    public string? Prompt { get; init; }

    /// <summary>Things to avoid in the video.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>First frame / reference image: URL or base64 (Modellix <c>image</c>, MyRouter <c>image</c>, EvoLink <c>image_start</c>).</summary>
    public string? Image { get; init; }

    /// <summary>Last frame image URL (MyRouter <c>end_image</c>, EvoLink <c>image_end</c>).</summary>
    public string? EndImage { get; init; }

    /// <summary>Several reference images for multi-image-to-video (Modellix kling-v1.6-mi2v <c>image_list</c>, 1–4).</summary>
    public IReadOnlyList<string>? ImageList { get; init; }

    /// <summary>Reference images (Modellix kling-video-o1 <c>images</c>).</summary>
    public IReadOnlyList<string>? Images { get; init; }

    /// <summary>Reference videos (Modellix kling-video-o1 <c>videos</c>, exactly one).</summary>
    public IReadOnlyList<string>? Videos { get; init; }

    /// <summary>
    /// Shots, each a prompt and a duration: MyRouter <c>multi_prompt</c> (instead of <see cref="Prompt"/>), EvoLink custom
    /// shots (with <see cref="MultiShot"/> and <see cref="ShotType"/> <c>customize</c>).
    /// </summary>
    public IReadOnlyList<PromptShot>? MultiPrompt { get; init; }

    /// <summary>Length in seconds; the allowed values depend on the model.</summary>
    public int? Duration { get; init; }

    /// <summary><c>16:9</c>, <c>9:16</c> or <c>1:1</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>std</c> or <c>pro</c> (Modellix).</summary>
    public string? Mode { get; init; }

    /// <summary>Resolution tier <c>720p</c>, <c>1080p</c> or <c>4k</c> (EvoLink, sent as <c>quality</c>).</summary>
    public string? Resolution { get; init; }

    /// <summary>Generate sound. Sent as <c>on</c>/<c>off</c> or a boolean, as each provider expects.</summary>
    public bool? Sound { get; init; }

    /// <summary>Prompt adherence 0–1.</summary>
    public double? CfgScale { get; init; }

    /// <summary>Multi-shot generation (Modellix kling-video-o1, EvoLink).</summary>
    public bool? MultiShot { get; init; }

    /// <summary>Shot type with multi-shot: <c>intelligence</c> (Modellix) or <c>customize</c>/<c>intelligence</c> (EvoLink).</summary>
    public string? ShotType { get; init; }

    /// <summary>HTTPS URL the provider calls on completion (EvoLink <c>callback_url</c>).</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>
    /// Elements (reusable characters or objects) to keep consistent, by the ids EvoLink's <c>kling-custom-element</c> returns
    /// (EvoLink kling-v3-image-to-video, sent as Kling's <c>element_list</c>). The prompt refers to elements as
    /// <c>&lt;&lt;&lt;element_1&gt;&gt;&gt;</c>, …; EvoLink does not say how that number maps to this list (list order is
    /// the likely reading, not a documented one). Each id is a whole number written as a string of digits: Kling's ids
    /// have 18 digits, more than a JSON number keeps exactly in JavaScript.
    /// </summary>
    public IReadOnlyList<string>? ElementIds { get; init; }

    /// <summary>
    /// The watermark switch (EvoLink kling-v3-image-to-video, sent as Kling's <c>watermark_info.enabled</c>). EvoLink only
    /// says <c>model_params</c> carries a watermark setting; in Kling's own API it asks for a watermarked result as well.
    /// </summary>
    public bool? Watermark { get; init; }
}
