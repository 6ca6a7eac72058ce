using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Commands;

namespace VideoPlatform.Submitter.Tests;

public class When_a_command_breaks_the_intake_limits
{
    private static readonly CommandLimits Limits = new() { MaxMessageBytes = 64 * 1024, MaxImageBytes = 3000, MaxListItems = 3 };

    private static GenerateVideo Command(VideoOptions options) =>
        new() { RequestId = Guid.NewGuid(), Provider = "modellix", Model = "kling-v3-i2v", Options = options };

    /// <summary>3000 bytes decoded is 4000 base64 characters.</summary>
    private static string Base64(int characters) => new('A', characters);

    [Fact]
    public void Should_accept_a_command_at_every_limit()
    {
        var options = new VideoOptions
        {
            Image = "data:image/png;base64," + Base64(4000),
            Images = ["https://example.com/a.jpg", Base64(4000), "https://example.com/c.jpg"],
        };

        Limits.Check(Command(options), messageBytes: 64 * 1024).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("image as a data URI")]
    [InlineData("image as bare base64")]
    [InlineData("an image in a list")]
    public void Should_name_an_inline_image_over_the_size_limit(string where)
    {
        var tooBig = Base64(4004);
        var options = where switch
        {
            "image as a data URI" => new VideoOptions { Image = "data:image/png;base64," + tooBig },
            "image as bare base64" => new VideoOptions { EndImage = tooBig },
            _ => new VideoOptions { ImageList = ["https://example.com/a.jpg", tooBig] },
        };

        var violation = Limits.Check(Command(options), messageBytes: 10_000).ShouldHaveSingleItem();

        violation.Rule.ShouldBe(CommandLimits.SizeRule);
        violation.Field.ShouldBeOneOf("options.image", "options.endImage", "options.imageList[1]");
        violation.Message.ShouldContain("3000");
    }

    [Fact]
    public void Should_not_count_a_url_as_an_inline_image()
    {
        var options = new VideoOptions { Image = "https://example.com/" + new string('a', 10_000) + ".jpg" };

        Limits.Check(Command(options), messageBytes: 20_000).ShouldBeEmpty();
    }

    [Fact]
    public void Should_name_a_list_over_the_count_limit()
    {
        var options = new VideoOptions { Images = ["a", "b", "c", "d"], MultiPrompt = [new PromptShot { Prompt = "x", Duration = 5 }] };

        var violation = Limits.Check(Command(options), messageBytes: 1000).ShouldHaveSingleItem();

        (violation.Field, violation.Rule).ShouldBe(("options.images", CommandLimits.CountRule));
    }

    [Fact]
    public void Should_refuse_a_reroute_for_a_named_provider()
    {
        var command = Command(new VideoOptions()) with { Provider = "evolink", RerouteOnProviderFailure = true };

        var violation = Limits.Check(command, messageBytes: 1000).ShouldHaveSingleItem();

        (violation.Field, violation.Rule).ShouldBe(("rerouteOnProviderFailure", "conditional"));
        Limits.Check(command with { Provider = null }, messageBytes: 1000).ShouldBeEmpty();
    }

    [Fact]
    public void Should_name_too_many_element_ids()
    {
        var violation = Limits.Check(Command(new VideoOptions { ElementIds = ["1", "2", "3", "4"] }), messageBytes: 1000).ShouldHaveSingleItem();

        (violation.Field, violation.Rule).ShouldBe(("options.elementIds", CommandLimits.CountRule));
    }

    [Fact]
    public void Should_name_a_message_over_the_size_limit()
    {
        var violation = Limits.Check(Command(new VideoOptions()), messageBytes: 64 * 1024 + 1).ShouldHaveSingleItem();

        (violation.Field, violation.Rule).ShouldBe(("message", CommandLimits.SizeRule));
    }

    [Fact]
    public void Should_refuse_an_all_zero_request_id_and_a_blank_model()
    {
        var command = Command(new VideoOptions()) with { RequestId = Guid.Empty, Model = " " };

        Limits.Check(command, messageBytes: 1000).Select(v => (v.Field, v.Rule))
            .ShouldBe([("requestId", "required"), ("model", "required")], ignoreOrder: true);
    }
}
