namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>Every request rule of seed 002 (MyRouter kling-v3.0-pro-i2v), one valid and one broken row at a time.</summary>
public sealed class When_MyRouter_validates_options
{
    private const string Image = "https://cdn.example.com/frames/first.jpg";

    private static readonly VideoOptions Minimal = new() { Image = Image, Prompt = "a cat turns its head" };

    private static readonly PromptShot[] TwoShots =
    [
        new() { Prompt = "wide shot of a harbour", Duration = 4 },
        new() { Prompt = "close-up of a gull" },
    ];

    private static readonly Dictionary<string, VideoOptions> Valid = new()
    {
        ["minimal"] = Minimal,
        ["every field"] = Minimal with
        {
            NegativePrompt = "blur", Sound = true, Duration = 10, CfgScale = 0.5, EndImage = "https://cdn.example.com/last.png",
        },
        ["multi_prompt instead of prompt"] = new() { Image = Image, MultiPrompt = TwoShots },
        ["image as .jpeg with a query string"] = Minimal with { Image = "https://cdn.example.com/a.jpeg?sig=abc&exp=1" },
        ["image extension in upper case"] = Minimal with { Image = "https://cdn.example.com/A.PNG" },
        ["image as base64 starting with a slash"] = Minimal with { Image = "/9j/4AAQSkZJRgABAQAAAQABAAD" },
        ["image as a data url"] = Minimal with { Image = "data:image/webp;base64,UklGRhIAAABXRUJQ" },
        ["prompt of 2500 characters"] = Minimal with { Prompt = Text.OfLength(2500) },
        ["negative_prompt of 2500 characters"] = Minimal with { NegativePrompt = Text.OfLength(2500) },
        ["duration 3"] = Minimal with { Duration = 3 },
        ["duration 15"] = Minimal with { Duration = 15 },
        ["cfg_scale 0"] = Minimal with { CfgScale = 0 },
        ["cfg_scale 1"] = Minimal with { CfgScale = 1 },
        ["sound off"] = Minimal with { Sound = false },
    };

    private static readonly Dictionary<string, ViolationCase> Invalid = new()
    {
        ["image missing"] = new(Minimal with { Image = null }, ("image", "required")),
        ["image empty"] = new(Minimal with { Image = "" }, ("image", "length")),
        ["prompt and multi_prompt both missing"] = new(Minimal with { Prompt = null }, ("prompt", "required")),
        ["prompt and multi_prompt together"] = new(Minimal with { MultiPrompt = TwoShots }, ("prompt", "conditional")),
        ["prompt empty"] = new(Minimal with { Prompt = "" }, ("prompt", "length")),
        ["prompt of 2501 characters"] = new(Minimal with { Prompt = Text.OfLength(2501) }, ("prompt", "length")),
        ["negative_prompt of 2501 characters"] = new(Minimal with { NegativePrompt = Text.OfLength(2501) }, ("negative_prompt", "length")),
        ["duration 2"] = new(Minimal with { Duration = 2 }, ("duration", "range")),
        ["duration 16"] = new(Minimal with { Duration = 16 }, ("duration", "range")),
        ["cfg_scale below 0"] = new(Minimal with { CfgScale = -0.1 }, ("cfg_scale", "range")),
        ["cfg_scale above 1"] = new(Minimal with { CfgScale = 1.1 }, ("cfg_scale", "range")),
        ["end_image with multi_prompt"] = new(
            new() { Image = Image, MultiPrompt = TwoShots, EndImage = "https://cdn.example.com/last.png" }, ("end_image", "conditional")),
        ["multi_prompt shot without prompt"] = new(
            new() { Image = Image, MultiPrompt = [new PromptShot { Prompt = " " }] }, ("multi_prompt", "length")),
        ["multi_prompt empty and no prompt"] = new(
            new() { Image = Image, MultiPrompt = [] }, ("prompt", "required"), ("multi_prompt", "count")),
        ["mode"] = new(Minimal with { Mode = "pro" }, ("mode", "unsupported")),
        ["aspect_ratio"] = new(Minimal with { AspectRatio = "16:9" }, ("aspect_ratio", "unsupported")),
        ["resolution"] = new(Minimal with { Resolution = "1080p" }, ("resolution", "unsupported")),
        ["image_list"] = new(Minimal with { ImageList = [Image] }, ("image_list", "unsupported")),
        ["images"] = new(Minimal with { Images = [Image] }, ("images", "unsupported")),
        ["videos"] = new(Minimal with { Videos = ["https://cdn.example.com/v.mp4"] }, ("videos", "unsupported")),
        ["multi_shot"] = new(Minimal with { MultiShot = true }, ("multi_shot", "unsupported")),
        ["shot_type"] = new(Minimal with { ShotType = "intelligence" }, ("shot_type", "unsupported")),
        ["callback_url"] = new(Minimal with { CallbackUrl = "https://example.com/hook" }, ("callback_url", "unsupported")),
        // EvoLink's element control and watermark (seed 004's model_params); seed 002 documents neither.
        ["element_ids"] = new(Minimal with { ElementIds = ["7"] }, ("element_ids", "unsupported")),
        ["watermark"] = new(Minimal with { Watermark = false }, ("watermark", "unsupported")),
    };

    public static TheoryData<string> ValidNames => new(Valid.Keys);

    public static TheoryData<string> InvalidNames => ViolationCase.Names(Invalid);

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Should_accept(string name)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.MyRouter.Validate(Valid[name]);

        // Assert
        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Should_reject(string name)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.MyRouter.Validate(Invalid[name].Options);

        // Assert
        Invalid[name].ShouldMatch(violations);
    }
}
