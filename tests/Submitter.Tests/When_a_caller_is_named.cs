using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Commands;
using VideoPlatform.Submitter.Pricing;

namespace VideoPlatform.Submitter.Tests;

/// <summary>Who a request is for: named in the command, else the broker user, else <c>default</c>.</summary>
public class When_a_caller_is_named
{
    private static GenerateVideo Command(string? caller) =>
        new() { RequestId = Guid.NewGuid(), Provider = "modellix", Model = "kling-v3-i2v", Caller = caller };

    [Theory]
    [InlineData("billing-service")]
    [InlineData("team.video_2")]
    [InlineData("a")]
    public void Should_accept_a_short_plain_name(string caller) =>
        new CommandLimits().Check(Command(caller), messageBytes: 1000).ShouldBeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("ünicode")]
    [InlineData("a/b")]
    public void Should_refuse_a_name_outside_the_allowed_characters(string caller)
    {
        var violation = new CommandLimits().Check(Command(caller), messageBytes: 1000).ShouldHaveSingleItem();

        (violation.Field, violation.Rule).ShouldBe(("caller", CallerName.FormatRule));
        violation.Message.ShouldContain("A–Z");
    }

    [Fact]
    public void Should_refuse_a_name_over_64_characters()
    {
        var violation = new CommandLimits().Check(Command(new string('c', 65)), messageBytes: 1000).ShouldHaveSingleItem();

        (violation.Field, violation.Rule).ShouldBe(("caller", CallerName.FormatRule));
        violation.Message.ShouldContain("64");
    }

    [Fact]
    public void Should_accept_a_command_without_a_caller() =>
        new CommandLimits().Check(Command(null), messageBytes: 1000).ShouldBeEmpty();

    [Theory]
    [InlineData("billing", "publisher", "billing")]
    [InlineData(null, "publisher", "publisher")]
    [InlineData(null, null, CallerName.Default)]
    [InlineData(null, "user with spaces", CallerName.Default)]
    public void Should_prefer_the_commands_name_then_the_verified_broker_user(string? declared, string? brokerUser, string expected) =>
        CallerName.Resolve(declared, brokerUser).ShouldBe(expected);
}
