using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix.Validation;

/// <summary>
/// Seed 003 and its conditional rules: shot_type only (and then required) with multi_shot, and must be
/// <c>intelligence</c>; exactly one video; with a video, sound stays off and duration is omitted.
/// </summary>
public sealed class When_validating_a_kling_video_o1_request
{
    private static readonly VideoOptions Minimal = new() { Prompt = "restyle the clip as clay animation" };

    private static readonly VideoOptions FullyValidWithImages = Minimal with
    {
        MultiShot = true,
        ShotType = "intelligence",
        Images = ["https://example.com/a.jpg", "https://example.com/b.jpg"],
        Sound = true,
        Mode = "std",
        AspectRatio = "1:1",
        Duration = 10,
    };

    private static readonly VideoOptions FullyValidWithVideo = Minimal with
    {
        MultiShot = false,
        Images = ["https://example.com/a.jpg"],
        Videos = ["https://example.com/source.mp4"],
        Sound = false,
        Mode = "pro",
        AspectRatio = "16:9",
    };

    private static readonly VideoOptions WithVideo = Minimal with { Videos = ["https://example.com/source.mp4"] };

    private readonly KlingVideoO1 _model = new(new ThrowingModellixApi());

    public static TheoryData<OptionsCase> AllowedRequests => new()
    {
        new OptionsCase("prompt only", Minimal),
        new OptionsCase("prompt of 1 char", Minimal with { Prompt = Text.OfLength(1) }),
        new OptionsCase("prompt of 2500 chars", Minimal with { Prompt = Text.OfLength(2500) }),
        new OptionsCase("multi_shot true with shot_type intelligence", Minimal with { MultiShot = true, ShotType = "intelligence" }),
        new OptionsCase("multi_shot false without shot_type", Minimal with { MultiShot = false }),
        new OptionsCase("images with 1 item", Minimal with { Images = ["https://example.com/a.jpg"] }),
        new OptionsCase("images with 5 items", Minimal with { Images = ["1.jpg", "2.jpg", "3.jpg", "4.jpg", "iVBORw0KGgo="] }),
        new OptionsCase("videos with 1 item", WithVideo),
        new OptionsCase("videos with sound off", WithVideo with { Sound = false }),
        new OptionsCase("sound on without videos", Minimal with { Sound = true }),
        new OptionsCase("sound off without videos", Minimal with { Sound = false }),
        new OptionsCase("mode std", Minimal with { Mode = "std" }),
        new OptionsCase("mode pro", Minimal with { Mode = "pro" }),
        new OptionsCase("aspect_ratio 16:9", Minimal with { AspectRatio = "16:9" }),
        new OptionsCase("aspect_ratio 9:16", Minimal with { AspectRatio = "9:16" }),
        new OptionsCase("aspect_ratio 1:1", Minimal with { AspectRatio = "1:1" }),
        new OptionsCase("duration 5", Minimal with { Duration = 5 }),
        new OptionsCase("duration 10", Minimal with { Duration = 10 }),
        new OptionsCase("duration 10 with images", Minimal with { Images = ["https://example.com/a.jpg"], Duration = 10 }),
    };

    public static TheoryData<OptionsCase, string, string> BrokenRules => new()
    {
        { new OptionsCase("prompt missing", Minimal with { Prompt = null }), "prompt", "required" },
        { new OptionsCase("prompt missing with multi_shot", Minimal with { Prompt = null, MultiShot = true, ShotType = "intelligence" }), "prompt", "required" },
        { new OptionsCase("prompt empty (required)", Minimal with { Prompt = "" }), "prompt", "required" },
        { new OptionsCase("prompt empty (length)", Minimal with { Prompt = "" }), "prompt", "length" },
        { new OptionsCase("prompt of 2501 chars", Minimal with { Prompt = Text.OfLength(2501) }), "prompt", "length" },
        { new OptionsCase("multi_shot true without shot_type", Minimal with { MultiShot = true }), "shot_type", "required" },
        { new OptionsCase("multi_shot true with shot_type customize", Minimal with { MultiShot = true, ShotType = "customize" }), "shot_type", "enum" },
        { new OptionsCase("multi_shot false with shot_type", Minimal with { MultiShot = false, ShotType = "intelligence" }), "shot_type", "conditional" },
        { new OptionsCase("multi_shot absent with shot_type", Minimal with { ShotType = "intelligence" }), "shot_type", "conditional" },
        { new OptionsCase("images empty", Minimal with { Images = [] }), "images", "count" },
        { new OptionsCase("images with an empty item", Minimal with { Images = ["https://example.com/a.jpg", ""] }), "images", "length" },
        { new OptionsCase("videos empty", Minimal with { Videos = [] }), "videos", "count" },
        { new OptionsCase("videos with 2 items", Minimal with { Videos = ["https://example.com/a.mp4", "https://example.com/b.mp4"] }), "videos", "count" },
        { new OptionsCase("videos with an empty item", Minimal with { Videos = [""] }), "videos", "length" },
        { new OptionsCase("videos with sound on", WithVideo with { Sound = true }), "sound", "conditional" },
        { new OptionsCase("videos with duration 5", WithVideo with { Duration = 5 }), "duration", "conditional" },
        { new OptionsCase("videos with duration 10", WithVideo with { Duration = 10 }), "duration", "conditional" },
        { new OptionsCase("duration 3", Minimal with { Duration = 3 }), "duration", "enum" },
        { new OptionsCase("duration 7", Minimal with { Duration = 7 }), "duration", "enum" },
        { new OptionsCase("duration 15", Minimal with { Duration = 15 }), "duration", "enum" },
        { new OptionsCase("mode unknown", Minimal with { Mode = "Pro" }), "mode", "enum" },
        { new OptionsCase("aspect_ratio unknown", Minimal with { AspectRatio = "16:10" }), "aspect_ratio", "enum" },
        { new OptionsCase("image given", Minimal with { Image = "https://example.com/a.jpg" }), "image", "unsupported" },
        { new OptionsCase("negative_prompt given", Minimal with { NegativePrompt = "blurry" }), "negative_prompt", "unsupported" },
        { new OptionsCase("end_image given", Minimal with { EndImage = "https://example.com/last.jpg" }), "end_image", "unsupported" },
        { new OptionsCase("image_list given", Minimal with { ImageList = ["https://example.com/a.jpg"] }), "image_list", "unsupported" },
        { new OptionsCase("multi_prompt given", Minimal with { MultiPrompt = [new PromptShot { Prompt = "shot one" }] }), "multi_prompt", "unsupported" },
        { new OptionsCase("resolution given", Minimal with { Resolution = "4k" }), "resolution", "unsupported" },
        { new OptionsCase("cfg_scale given", Minimal with { CfgScale = 0.5 }), "cfg_scale", "unsupported" },
        { new OptionsCase("callback_url given", Minimal with { CallbackUrl = "https://example.com/hook" }), "callback_url", "unsupported" },
        // EvoLink's element control and watermark (seed 004's model_params); seed 003 documents neither.
        { new OptionsCase("element_ids given", Minimal with { ElementIds = ["7"] }), "element_ids", "unsupported" },
        { new OptionsCase("watermark given", Minimal with { Watermark = false }), "watermark", "unsupported" },
    };

    [Fact]
    public void Should_accept_a_multi_shot_request_with_images_that_sets_every_field_it_may()
    {
        // Act
        var violations = _model.Validate(FullyValidWithImages);

        // Assert
        violations.ShouldBeValid();
    }

    [Fact]
    public void Should_accept_a_video_request_that_sets_every_field_it_may()
    {
        // Act
        var violations = _model.Validate(FullyValidWithVideo);

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
    public void Should_report_both_video_conditions_when_sound_and_duration_are_set()
    {
        // Arrange
        var request = WithVideo with { Sound = true, Duration = 5 };

        // Act
        var violations = _model.Validate(request);

        // Assert
        violations.Select(v => (v.Field, v.Rule)).ShouldBe([("sound", "conditional"), ("duration", "conditional")], ignoreOrder: true);
    }
}
