namespace VideoPlatform.Cli.Tests;

/// <summary><c>load --per-minute N</c> publishes request i at i × 60/N s after the first; without it, all at once.</summary>
public sealed class When_pacing_a_load
{
    [Theory]
    [InlineData(0, 20, 0.0)]
    [InlineData(1, 20, 3.0)]
    [InlineData(19, 20, 57.0)]
    [InlineData(3, 120, 1.5)]
    public void Should_start_each_request_its_share_of_a_minute_after_the_previous(int index, int perMinute, double seconds)
    {
        // Act
        var start = LoadPacing.StartOf(index, perMinute);

        // Assert
        start.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Should_start_every_request_at_once_when_not_paced()
    {
        // Act
        var start = LoadPacing.StartOf(1999, perMinute: 0);

        // Assert
        start.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Should_refuse_a_negative_pace_before_publishing_anything()
    {
        // Act
        var result = await CliProcess.RunAsync(["load", "--requests", "1", "--per-minute", "-1", "--rabbitmq", "amqp://guest:guest@127.0.0.1:1/"]);

        // Assert
        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("--per-minute must be 0 or more");
    }
}
