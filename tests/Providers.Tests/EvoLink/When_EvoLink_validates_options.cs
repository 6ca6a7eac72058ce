namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>Every request rule of seed 004 (EvoLink kling-v3-image-to-video), one valid and one broken row at a time.</summary>
public sealed class When_EvoLink_validates_options
{
    private const string Image = "https://cdn.example.com/frames/first.jpg";

    private static readonly VideoOptions Minimal = new() { Image = Image, Prompt = "a cat turns its head" };

    private static readonly Dictionary<string, VideoOptions> Valid = new()
    {
        ["minimal"] = Minimal,
        ["every field"] = Minimal with
        {
            EndImage = "https://cdn.example.com/last.png", NegativePrompt = "text, watermark", Duration = 10, Resolution = "1080p",
            Sound = true, MultiShot = true, ShotType = "intelligence", CallbackUrl = "https://hooks.example.com/video-done",
            ElementIds = ["829836802793406551"], Watermark = true,
        },
        ["quality 720p"] = Minimal with { Resolution = "720p" },
        ["quality 4k"] = Minimal with { Resolution = "4k" },
        ["empty prompt with customized shots"] = Minimal with { Prompt = "", MultiShot = true, ShotType = "customize" },
        ["no prompt with customized shots"] = Minimal with { Prompt = null, MultiShot = true, ShotType = "customize" },
        ["multi_shot without shot_type"] = Minimal with { MultiShot = true },
        ["multi_shot false"] = Minimal with { MultiShot = false },
        ["prompt with an element reference"] = Minimal with { Prompt = "<<<element_1>>> waves" },
        ["prompt of 2500 characters"] = Minimal with { Prompt = Text.OfLength(2500) },
        ["negative_prompt of 2500 characters"] = Minimal with { NegativePrompt = Text.OfLength(2500) },
        ["duration 3"] = Minimal with { Duration = 3 },
        ["duration 15"] = Minimal with { Duration = 15 },
        ["callback_url of 2048 characters"] = Minimal with { CallbackUrl = Url(2048) },
    };

    private static readonly Dictionary<string, ViolationCase> Invalid = new()
    {
        ["image_start missing"] = new(Minimal with { Image = null }, ("image_start", "required")),
        ["image_end without image_start"] = new(
            Minimal with { Image = null, EndImage = "https://cdn.example.com/last.png" }, ("image_start", "required"), ("image_end", "conditional")),
        ["image_end empty"] = new(Minimal with { EndImage = "" }, ("image_end", "length")),
        ["prompt missing"] = new(Minimal with { Prompt = null }, ("prompt", "required")),
        ["prompt empty"] = new(Minimal with { Prompt = "" }, ("prompt", "required")),
        ["prompt empty with intelligent shots"] = new(
            Minimal with { Prompt = "", MultiShot = true, ShotType = "intelligence" }, ("prompt", "required")),
        ["prompt empty with customize but no multi_shot"] = new(
            Minimal with { Prompt = "", ShotType = "customize" }, ("prompt", "required")),
        ["prompt of 2501 characters"] = new(Minimal with { Prompt = Text.OfLength(2501) }, ("prompt", "length")),
        ["duration 2"] = new(Minimal with { Duration = 2 }, ("duration", "range")),
        ["duration 16"] = new(Minimal with { Duration = 16 }, ("duration", "range")),
        ["quality 480p"] = new(Minimal with { Resolution = "480p" }, ("quality", "enum")),
        ["quality 4K in upper case"] = new(Minimal with { Resolution = "4K" }, ("quality", "enum")),
        ["callback_url over http"] = new(Minimal with { CallbackUrl = "http://hooks.example.com/done" }, ("callback_url", "format")),
        ["callback_url on a private address"] = new(Minimal with { CallbackUrl = "https://10.0.0.5/done" }, ("callback_url", "internal_address")),
        ["callback_url of 2049 characters"] = new(Minimal with { CallbackUrl = Url(2049) }, ("callback_url", "length")),
        ["mode"] = new(Minimal with { Mode = "pro" }, ("mode", "unsupported")),
        ["cfg_scale"] = new(Minimal with { CfgScale = 0.5 }, ("cfg_scale", "unsupported")),
        ["aspect_ratio"] = new(Minimal with { AspectRatio = "16:9" }, ("aspect_ratio", "unsupported")),
        ["image_list"] = new(Minimal with { ImageList = [Image] }, ("image_list", "unsupported")),
        ["images"] = new(Minimal with { Images = [Image] }, ("images", "unsupported")),
        ["videos"] = new(Minimal with { Videos = ["https://cdn.example.com/v.mp4"] }, ("videos", "unsupported")),
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
        var violations = host.EvoLink.Validate(Valid[name]);

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
        var violations = host.EvoLink.Validate(Invalid[name].Options);

        // Assert
        Invalid[name].ShouldMatch(violations);
    }

    private static string Url(int length)
    {
        const string prefix = "https://hooks.example.com/";
        return prefix + Text.OfLength(length - prefix.Length);
    }
}
