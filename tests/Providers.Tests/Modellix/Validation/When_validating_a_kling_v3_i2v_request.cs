using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix.Validation;

/// <summary>Seed 000: image and prompt required; every other field optional with documented bounds.</summary>
public sealed class When_validating_a_kling_v3_i2v_request
{
    private static readonly VideoOptions Minimal = new() { Image = "https://example.com/keyframe.jpg", Prompt = "a cat turns to the camera" };

    private static readonly VideoOptions FullyValid = Minimal with
    {
        NegativePrompt = "blurry, shaky",
        Sound = true,
        CfgScale = 0.7,
        Mode = "pro",
        AspectRatio = "16:9",
        Duration = 5,
    };

    private readonly KlingV3ImageToVideo _model = new(new ThrowingModellixApi());

    public static TheoryData<OptionsCase> AllowedRequests => new()
    {
        new OptionsCase("image and prompt only", Minimal),
        new OptionsCase("image as base64", Minimal with { Image = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" }),
        new OptionsCase("prompt of 1 char", Minimal with { Prompt = Text.OfLength(1) }),
        new OptionsCase("prompt of 2500 chars", Minimal with { Prompt = Text.OfLength(2500) }),
        new OptionsCase("negative_prompt of 1 char", Minimal with { NegativePrompt = Text.OfLength(1) }),
        new OptionsCase("negative_prompt of 2500 chars", Minimal with { NegativePrompt = Text.OfLength(2500) }),
        new OptionsCase("sound on", Minimal with { Sound = true }),
        new OptionsCase("sound off", Minimal with { Sound = false }),
        new OptionsCase("cfg_scale 0", Minimal with { CfgScale = 0 }),
        new OptionsCase("cfg_scale 1", Minimal with { CfgScale = 1 }),
        new OptionsCase("cfg_scale 0.5", Minimal with { CfgScale = 0.5 }),
        new OptionsCase("mode std", Minimal with { Mode = "std" }),
        new OptionsCase("mode pro", Minimal with { Mode = "pro" }),
        new OptionsCase("aspect_ratio 16:9", Minimal with { AspectRatio = "16:9" }),
        new OptionsCase("aspect_ratio 9:16", Minimal with { AspectRatio = "9:16" }),
        new OptionsCase("aspect_ratio 1:1", Minimal with { AspectRatio = "1:1" }),
        new OptionsCase("duration 3", Minimal with { Duration = 3 }),
        new OptionsCase("duration 7", Minimal with { Duration = 7 }),
        new OptionsCase("duration 15", Minimal with { Duration = 15 }),
    };

    public static TheoryData<OptionsCase, string, string> BrokenRules => new()
    {
        { new OptionsCase("image missing", Minimal with { Image = null }), "image", "required" },
        { new OptionsCase("image empty", Minimal with { Image = "" }), "image", "required" },
        { new OptionsCase("prompt missing", Minimal with { Prompt = null }), "prompt", "required" },
        { new OptionsCase("prompt empty (required)", Minimal with { Prompt = "" }), "prompt", "required" },
        { new OptionsCase("prompt empty (length)", Minimal with { Prompt = "" }), "prompt", "length" },
        { new OptionsCase("prompt of 2501 chars", Minimal with { Prompt = Text.OfLength(2501) }), "prompt", "length" },
        { new OptionsCase("negative_prompt empty", Minimal with { NegativePrompt = "" }), "negative_prompt", "length" },
        { new OptionsCase("negative_prompt of 2501 chars", Minimal with { NegativePrompt = Text.OfLength(2501) }), "negative_prompt", "length" },
        { new OptionsCase("cfg_scale below 0", Minimal with { CfgScale = -0.01 }), "cfg_scale", "range" },
        { new OptionsCase("cfg_scale above 1", Minimal with { CfgScale = 1.01 }), "cfg_scale", "range" },
        { new OptionsCase("mode unknown", Minimal with { Mode = "fast" }), "mode", "enum" },
        { new OptionsCase("mode in upper case", Minimal with { Mode = "PRO" }), "mode", "enum" },
        { new OptionsCase("aspect_ratio unknown", Minimal with { AspectRatio = "4:3" }), "aspect_ratio", "enum" },
        { new OptionsCase("duration 2", Minimal with { Duration = 2 }), "duration", "range" },
        { new OptionsCase("duration 16", Minimal with { Duration = 16 }), "duration", "range" },
        { new OptionsCase("end_image given", Minimal with { EndImage = "https://example.com/last.jpg" }), "end_image", "unsupported" },
        { new OptionsCase("image_list given", Minimal with { ImageList = ["https://example.com/a.jpg"] }), "image_list", "unsupported" },
        { new OptionsCase("images given", Minimal with { Images = ["https://example.com/a.jpg"] }), "images", "unsupported" },
        { new OptionsCase("videos given", Minimal with { Videos = ["https://example.com/a.mp4"] }), "videos", "unsupported" },
        { new OptionsCase("multi_prompt given", Minimal with { MultiPrompt = [new PromptShot { Prompt = "shot one" }] }), "multi_prompt", "unsupported" },
        { new OptionsCase("resolution given", Minimal with { Resolution = "1080p" }), "resolution", "unsupported" },
        { new OptionsCase("multi_shot given", Minimal with { MultiShot = false }), "multi_shot", "unsupported" },
        { new OptionsCase("shot_type given", Minimal with { ShotType = "intelligence" }), "shot_type", "unsupported" },
        { new OptionsCase("callback_url given", Minimal with { CallbackUrl = "https://example.com/hook" }), "callback_url", "unsupported" },
        // EvoLink's element control and watermark (seed 004's model_params); seed 000 documents neither.
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

    [Fact]
    public void Should_reject_a_cfg_scale_that_is_not_a_number()
    {
        // Arrange
        var request = Minimal with { CfgScale = double.NaN };

        // Act
        var violations = _model.Validate(request);

        // Assert
        violations.ShouldReport("cfg_scale", "range");
    }

    [Fact]
    public void Should_report_every_broken_rule_at_once()
    {
        // Arrange
        var request = new VideoOptions { Mode = "fast", Duration = 20, EndImage = "https://example.com/last.jpg" };

        // Act
        var violations = _model.Validate(request);

        // Assert
        violations.Select(v => (v.Field, v.Rule)).ShouldBe(
            [("end_image", "unsupported"), ("image", "required"), ("prompt", "required"), ("mode", "enum"), ("duration", "range")],
            ignoreOrder: true);
    }
}
