using System.Net;
using System.Text.Json;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>
/// Seed 004 puts element control and watermark in <c>model_params</c>. EvoLink's kling-custom-element page says its
/// <c>element_id</c> reaches Kling V3 Image-to-Video "via the <c>element_list</c> parameter"; Kling's own API spells the
/// two <c>element_list: [{ element_id }]</c> (a number) and <c>watermark_info: { enabled }</c>.
/// </summary>
public sealed class When_EvoLink_is_given_elements_or_a_watermark
{
    private const string Image = "https://cdn.example.com/frames/first.jpg";

    /// <summary>An id of the length Kling issues: past 2^53, where a double would round it.</summary>
    private const long LongElementId = 829836802793406551;

    private static readonly VideoOptions Minimal = new() { Image = Image, Prompt = "<<<element_1>>> waves at <<<element_2>>>" };

    private static readonly Dictionary<string, VideoOptions> Accepted = new()
    {
        ["one element"] = Minimal with { ElementIds = ["829836802793406551"] },
        ["two elements"] = Minimal with { ElementIds = ["829836802793406551", "7"] },
        // Seed 004 says how a prompt names an element, not that each name needs an element: EvoLink's to judge.
        ["fewer elements than the prompt names"] = Minimal with { ElementIds = ["7"] },
        ["elements the prompt does not name"] = Minimal with { Prompt = "a cat", ElementIds = ["7"] },
        ["watermark on"] = Minimal with { Watermark = true },
        ["watermark off"] = Minimal with { Watermark = false },
        ["both with custom shots"] = Minimal with
        {
            Prompt = null, MultiShot = true, ShotType = "customize", MultiPrompt = [new PromptShot { Prompt = "<<<element_1>>> enters" }],
            ElementIds = ["7"], Watermark = true,
        },
    };

    private static readonly Dictionary<string, ViolationCase> Refused = new()
    {
        ["an empty id"] = new(Minimal with { ElementIds = [""] }, ("element_list", "format")),
        ["an id with letters"] = new(Minimal with { ElementIds = ["7", "elem-1"] }, ("element_list", "format")),
        ["a negative id"] = new(Minimal with { ElementIds = ["-7"] }, ("element_list", "format")),
        ["an id with a sign"] = new(Minimal with { ElementIds = ["+7"] }, ("element_list", "format")),
        ["an id with a fraction"] = new(Minimal with { ElementIds = ["7.5"] }, ("element_list", "format")),
        ["an id with spaces"] = new(Minimal with { ElementIds = [" 7"] }, ("element_list", "format")),
        ["an id past a 64-bit integer"] = new(Minimal with { ElementIds = ["9223372036854775808"] }, ("element_list", "format")),
    };

    public static TheoryData<string> AcceptedNames => new(Accepted.Keys);

    public static TheoryData<string> RefusedNames => ViolationCase.Names(Refused);

    [Theory]
    [MemberData(nameof(AcceptedNames))]
    public void Should_accept(string name)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(Accepted[name]);

        // Assert
        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void Should_refuse_an_element_id_that_is_not_a_whole_number(string name)
    {
        // Arrange
        using var host = ProviderHost.Offline();

        // Act
        var violations = host.EvoLink.Validate(Refused[name].Options);

        // Assert
        Refused[name].ShouldMatch(violations);
    }

    [Fact]
    public async Task Should_send_element_ids_as_kling_element_list_numbers_in_order()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        await host.EvoLink.SubmitAsync(Guid.NewGuid(), Minimal with { ElementIds = ["829836802793406551", "7"] }, CancellationToken.None);

        // Assert
        var modelParams = host.Network.Single.Json().GetProperty("model_params");
        modelParams.Names().ShouldBe(["element_list"]);
        var elements = modelParams.GetProperty("element_list").EnumerateArray().ToArray();
        elements.Length.ShouldBe(2);
        elements[0].Names().ShouldBe(["element_id"]);
        elements[0].GetProperty("element_id").ValueKind.ShouldBe(JsonValueKind.Number);
        elements[0].GetProperty("element_id").GetRawText().ShouldBe("829836802793406551");
        elements[0].GetProperty("element_id").GetInt64().ShouldBe(LongElementId);
        elements[1].GetProperty("element_id").GetRawText().ShouldBe("7");
    }

    [Theory]
    [InlineData(true, JsonValueKind.True)]
    [InlineData(false, JsonValueKind.False)]
    public async Task Should_send_watermark_as_kling_watermark_info_enabled(bool watermark, JsonValueKind sent)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        await host.EvoLink.SubmitAsync(Guid.NewGuid(), Minimal with { Watermark = watermark }, CancellationToken.None);

        // Assert
        var modelParams = host.Network.Single.Json().GetProperty("model_params");
        modelParams.Names().ShouldBe(["watermark_info"]);
        var watermarkInfo = modelParams.GetProperty("watermark_info");
        watermarkInfo.Names().ShouldBe(["enabled"]);
        watermarkInfo.GetProperty("enabled").ValueKind.ShouldBe(sent);
    }

    [Fact]
    public async Task Should_send_them_beside_the_multi_shot_parameters()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        await host.EvoLink.SubmitAsync(Guid.NewGuid(), Accepted["both with custom shots"], CancellationToken.None);

        // Assert
        var body = host.Network.Single.Json();
        body.Names().ShouldBe(["model", "image_start", "model_params"], ignoreOrder: true);
        body.GetProperty("model_params").Names().ShouldBe(
            ["multi_shot", "shot_type", "multi_prompt", "element_list", "watermark_info"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_leave_element_list_out_for_an_empty_list()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        await host.EvoLink.SubmitAsync(Guid.NewGuid(), Minimal with { ElementIds = [] }, CancellationToken.None);

        // Assert
        host.Network.Single.Json().Names().ShouldBe(["model", "image_start", "prompt"], ignoreOrder: true);
    }
}
