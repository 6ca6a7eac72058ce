namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>Seed 002 sets no rule on per-shot durations, so a mismatch with duration is MyRouter's to judge, not ours.</summary>
public sealed class When_MyRouter_shot_durations_do_not_add_up
{
    [Theory]
    [InlineData(5, 4, 4)]
    [InlineData(15, 3, 3)]
    [InlineData(null, 10, 10)]
    public void Should_leave_them_to_MyRouter(int? duration, int first, int second)
    {
        // Arrange
        using var host = ProviderHost.Offline();
        var options = new VideoOptions
        {
            Image = "https://cdn.example.com/first.jpg",
            Duration = duration,
            MultiPrompt = [new PromptShot { Prompt = "wide shot", Duration = first }, new PromptShot { Prompt = "close-up", Duration = second }],
        };

        // Act
        var violations = host.MyRouter.Validate(options);

        // Assert
        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }
}
