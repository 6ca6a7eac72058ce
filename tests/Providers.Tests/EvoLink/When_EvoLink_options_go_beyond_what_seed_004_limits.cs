namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>
/// Seed 004 gives negative_prompt no length limit, lists no shot_type values besides customize and does not tie
/// shot_type to multi_shot: none of that is refused here, EvoLink answers for it.
/// </summary>
public sealed class When_EvoLink_options_go_beyond_what_seed_004_limits
{
    private static readonly VideoOptions Minimal = new() { Image = "https://cdn.example.com/frames/first.jpg", Prompt = "a cat turns its head" };

    private static readonly Dictionary<string, VideoOptions> Unlimited = new()
    {
        ["negative_prompt of 2501 characters"] = Minimal with { NegativePrompt = Text.OfLength(2501) },
        ["negative_prompt of 10000 characters"] = Minimal with { NegativePrompt = Text.OfLength(10_000) },
        ["shot_type not named in the seed"] = Minimal with { MultiShot = true, ShotType = "auto" },
        ["shot_type without multi_shot"] = Minimal with { ShotType = "intelligence" },
        ["shot_type with multi_shot false"] = Minimal with { MultiShot = false, ShotType = "intelligence" },
    };

    public static TheoryData<string> UnlimitedNames => new(Unlimited.Keys);

    [Theory]
    [MemberData(nameof(UnlimitedNames))]
    public void Should_leave_them_to_EvoLink(string name)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(Unlimited[name]);

        // Assert
        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }
}
