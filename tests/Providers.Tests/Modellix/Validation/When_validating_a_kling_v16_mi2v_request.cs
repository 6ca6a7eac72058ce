using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix.Validation;

/// <summary>Seed 001: image_list (1–4 images) and prompt required; duration is 5 or 10 only.</summary>
public sealed class When_validating_a_kling_v16_mi2v_request
{
    private static readonly VideoOptions Minimal = new() { ImageList = ["https://example.com/character.jpg"], Prompt = "a character walks in the park" };

    private static readonly VideoOptions FullyValid = Minimal with
    {
        ImageList = ["https://example.com/a.jpg", "https://example.com/b.jpg"],
        NegativePrompt = "blurry, distorted",
        Mode = "pro",
        Duration = 10,
        AspectRatio = "9:16",
    };

    private readonly KlingV16MultiImageToVideo _model = new(new ThrowingModellixApi());

    public static TheoryData<OptionsCase> AllowedRequests => new()
    {
        new OptionsCase("image_list and prompt only", Minimal),
        new OptionsCase("image_list of 4 images", Minimal with { ImageList = ["https://example.com/1.jpg", "https://example.com/2.jpg", "https://example.com/3.jpg", "iVBORw0KGgo="] }),
        new OptionsCase("prompt of 1 char", Minimal with { Prompt = Text.OfLength(1) }),
        new OptionsCase("prompt of 2500 chars", Minimal with { Prompt = Text.OfLength(2500) }),
        new OptionsCase("negative_prompt of 1 char", Minimal with { NegativePrompt = Text.OfLength(1) }),
        new OptionsCase("negative_prompt of 2500 chars", Minimal with { NegativePrompt = Text.OfLength(2500) }),
        new OptionsCase("mode std", Minimal with { Mode = "std" }),
        new OptionsCase("mode pro", Minimal with { Mode = "pro" }),
        new OptionsCase("duration 5", Minimal with { Duration = 5 }),
        new OptionsCase("duration 10", Minimal with { Duration = 10 }),
        new OptionsCase("aspect_ratio 16:9", Minimal with { AspectRatio = "16:9" }),
        new OptionsCase("aspect_ratio 9:16", Minimal with { AspectRatio = "9:16" }),
        new OptionsCase("aspect_ratio 1:1", Minimal with { AspectRatio = "1:1" }),
    };

    public static TheoryData<OptionsCase, string, string> BrokenRules => new()
    {
        { new OptionsCase("image_list missing", Minimal with { ImageList = null }), "image_list", "required" },
        { new OptionsCase("image_list empty (required)", Minimal with { ImageList = [] }), "image_list", "required" },
        { new OptionsCase("image_list empty (count)", Minimal with { ImageList = [] }), "image_list", "count" },
        { new OptionsCase("image_list of 5 images", Minimal with { ImageList = ["1", "2", "3", "4", "5"] }), "image_list", "count" },
        { new OptionsCase("image_list with an empty item", Minimal with { ImageList = [""] }), "image_list", "length" },
        { new OptionsCase("image_list with a blank item", Minimal with { ImageList = ["https://example.com/a.jpg", " "] }), "image_list", "length" },
        { new OptionsCase("prompt missing", Minimal with { Prompt = null }), "prompt", "required" },
        { new OptionsCase("prompt empty (required)", Minimal with { Prompt = "" }), "prompt", "required" },
        { new OptionsCase("prompt empty (length)", Minimal with { Prompt = "" }), "prompt", "length" },
        { new OptionsCase("prompt of 2501 chars", Minimal with { Prompt = Text.OfLength(2501) }), "prompt", "length" },
        { new OptionsCase("negative_prompt empty", Minimal with { NegativePrompt = "" }), "negative_prompt", "length" },
        { new OptionsCase("negative_prompt of 2501 chars", Minimal with { NegativePrompt = Text.OfLength(2501) }), "negative_prompt", "length" },
        { new OptionsCase("mode unknown", Minimal with { Mode = "turbo" }), "mode", "enum" },
        { new OptionsCase("duration 3", Minimal with { Duration = 3 }), "duration", "enum" },
        { new OptionsCase("duration 7", Minimal with { Duration = 7 }), "duration", "enum" },
        { new OptionsCase("duration 15", Minimal with { Duration = 15 }), "duration", "enum" },
        { new OptionsCase("aspect_ratio unknown", Minimal with { AspectRatio = "21:9" }), "aspect_ratio", "enum" },
        { new OptionsCase("image given", Minimal with { Image = "https://example.com/a.jpg" }), "image", "unsupported" },
        { new OptionsCase("end_image given", Minimal with { EndImage = "https://example.com/last.jpg" }), "end_image", "unsupported" },
        { new OptionsCase("images given", Minimal with { Images = ["https://example.com/a.jpg"] }), "images", "unsupported" },
        { new OptionsCase("videos given", Minimal with { Videos = ["https://example.com/a.mp4"] }), "videos", "unsupported" },
        { new OptionsCase("multi_prompt given", Minimal with { MultiPrompt = [new PromptShot { Prompt = "shot one" }] }), "multi_prompt", "unsupported" },
        { new OptionsCase("resolution given", Minimal with { Resolution = "720p" }), "resolution", "unsupported" },
        { new OptionsCase("sound given", Minimal with { Sound = false }), "sound", "unsupported" },
        { new OptionsCase("cfg_scale given", Minimal with { CfgScale = 0.5 }), "cfg_scale", "unsupported" },
        { new OptionsCase("multi_shot given", Minimal with { MultiShot = true }), "multi_shot", "unsupported" },
        { new OptionsCase("shot_type given", Minimal with { ShotType = "intelligence" }), "shot_type", "unsupported" },
        { new OptionsCase("callback_url given", Minimal with { CallbackUrl = "https://example.com/hook" }), "callback_url", "unsupported" },
        // EvoLink's element control and watermark (seed 004's model_params); seed 001 documents neither.
        { new OptionsCase("element_ids given", Minimal with { ElementIds = ["7"] }), "element_ids", "unsupported" },
        { new OptionsCase("watermark given", Minimal with { Watermark = false }), "watermark", "unsupported" },
    };

    [Fact]
    public void Should_accept_a_request_that_sets_every_supported_field()
    {
        // Act
        var violations = _model.Validate(FullyValid);

        // Assert
        violations.ShouldBeValid();
    }

    [Theory]
    [MemberData(nameof(AllowedRequests))]
    public void Should_accept_every_documented_value(OptionsCase request)
    {
        // Act
        var violations = _model.Validate(request.Options);

        // Assert
        violations.ShouldBeValid();
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Should_report_the_broken_rule_on_its_field(OptionsCase request, string field, string rule)
    {
        // Act
        var violations = _model.Validate(request.Options);

        // Assert
        violations.ShouldReport(field, rule);
    }
}
