using System.Net;
using System.Text.Json;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>
/// Seed 004: multi-shot travels in <c>model_params</c>, and with <c>multi_shot=true</c> and <c>shot_type=customize</c>
/// the prompt may be empty because the shots carry the text.
/// </summary>
public sealed class When_EvoLink_is_given_custom_shots
{
    private const string Image = "https://cdn.example.com/frames/first.jpg";

    private static readonly PromptShot[] TwoShots =
    [
        new() { Prompt = "wide shot of a harbour at dawn", Duration = 4 },
        new() { Prompt = "close-up of a gull taking off" },
    ];

    private static readonly VideoOptions Customized = new() { Image = Image, MultiShot = true, ShotType = "customize", MultiPrompt = TwoShots };

    private static readonly Dictionary<string, VideoOptions> Accepted = new()
    {
        ["shots without a prompt"] = Customized,
        ["shots with an empty prompt"] = Customized with { Prompt = "" },
        ["shots with a prompt"] = Customized with { Prompt = "a harbour in the morning", Duration = 9 },
    };

    private static readonly Dictionary<string, VideoOptions> OutsideCustomizedMultiShot = new()
    {
        ["multi_shot absent"] = Customized with { MultiShot = null, Prompt = "p" },
        ["multi_shot false"] = Customized with { MultiShot = false, Prompt = "p" },
        ["shot_type absent"] = Customized with { ShotType = null, Prompt = "p" },
        ["shot_type intelligence"] = Customized with { ShotType = "intelligence", Prompt = "p" },
    };

    public static TheoryData<string> AcceptedNames => new(Accepted.Keys);

    public static TheoryData<string> OutsideNames => new(OutsideCustomizedMultiShot.Keys);

    [Theory]
    [MemberData(nameof(AcceptedNames))]
    public void Should_accept_them_with_customized_multi_shot(string name)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(Accepted[name]);

        // Assert
        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }

    [Theory]
    [MemberData(nameof(OutsideNames))]
    public void Should_refuse_them_outside_customized_multi_shot_rather_than_have_them_ignored(string name)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(OutsideCustomizedMultiShot[name]);

        // Assert
        var violation = violations.ShouldHaveSingleItem(string.Join("; ", violations.Select(v => v.Message)));
        (violation.Field, violation.Rule).ShouldBe(("multi_prompt", "conditional"));
    }

    [Fact]
    public async Task Should_send_them_inside_model_params_in_order()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        await host.EvoLink.SubmitAsync(Guid.NewGuid(), Customized with { Duration = 9 }, CancellationToken.None);

        // Assert
        var body = host.Network.Single.Json();
        body.Names().ShouldBe(["model", "image_start", "duration", "model_params"], ignoreOrder: true);
        var modelParams = body.GetProperty("model_params");
        modelParams.Names().ShouldBe(["multi_shot", "shot_type", "multi_prompt"], ignoreOrder: true);
        modelParams.GetProperty("multi_shot").ValueKind.ShouldBe(JsonValueKind.True);
        modelParams.GetProperty("shot_type").GetString().ShouldBe("customize");
        var shots = modelParams.GetProperty("multi_prompt").EnumerateArray().ToArray();
        shots.Length.ShouldBe(2);
        shots[0].Names().ShouldBe(["index", "prompt", "duration"], ignoreOrder: true);
        shots[0].GetProperty("index").GetInt32().ShouldBe(1);
        shots[0].GetProperty("prompt").GetString().ShouldBe("wide shot of a harbour at dawn");
        shots[0].GetProperty("duration").GetString().ShouldBe("4");
        shots[1].Names().ShouldBe(["index", "prompt"], ignoreOrder: true);
        shots[1].GetProperty("index").GetInt32().ShouldBe(2);
        shots[1].GetProperty("prompt").GetString().ShouldBe("close-up of a gull taking off");
    }
}
