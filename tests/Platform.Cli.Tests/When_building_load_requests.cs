namespace VideoPlatform.Cli.Tests;

/// <summary><c>load</c> publishes every request from one template: the caller, provider and model it was given.</summary>
public sealed class When_building_load_requests
{
    private static readonly Guid RequestId = Guid.Parse("5a1c2e3f-0b4d-4c6e-8f70-9a1b2c3d4e5f");

    [Fact]
    public void Should_name_the_caller_it_was_given()
    {
        // Arrange
        var template = new LoadRequestTemplate("modellix", "kling-v3-i2v", "https://example.com/keyframe.jpg", "interactive");

        // Act
        var command = template.For(RequestId, 7);

        // Assert
        command.Caller.ShouldBe("interactive");
        command.RequestId.ShouldBe(RequestId);
        command.Provider.ShouldBe("modellix");
        command.Model.ShouldBe("kling-v3-i2v");
        command.Options.Prompt.ShouldBe("load request 7");
    }

    [Fact]
    public void Should_leave_the_caller_to_the_platform_when_none_was_given()
    {
        // Arrange
        var template = new LoadRequestTemplate("modellix", "kling-v3-i2v", "https://example.com/keyframe.jpg", Caller: null);

        // Act
        var command = template.For(RequestId, 0);

        // Assert
        command.Caller.ShouldBeNull();
    }
}
