using System.Diagnostics;

namespace VideoPlatform.Cli.Tests;

/// <summary>
/// A broker address where nothing listens is a one-line error within the connect timeout, not a command that waits
/// forever. Port 1 on loopback refuses every connection at once, as a wrong port or a stopped broker does.
/// </summary>
public sealed class When_the_broker_does_not_answer
{
    [Theory]
    [InlineData("status", "0b6c2a4e-5d2f-4b8e-9d0a-3f1e2c4b5a69")]
    [InlineData("cancel", "0b6c2a4e-5d2f-4b8e-9d0a-3f1e2c4b5a69")]
    public async Task Should_exit_1_within_the_connect_timeout(params string[] command)
    {
        // Arrange
        var clock = Stopwatch.StartNew();

        // Act
        var result = await CliProcess.RunAsync([.. command, "--rabbitmq", "amqp://guest:guest@127.0.0.1:1/"],
            new Dictionary<string, string?> { ["PLATFORM_CLI_CONNECT_TIMEOUT_SECONDS"] = "5" });

        // Assert
        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldStartWith("error: cannot connect to amqp://guest@127.0.0.1:1/%2F");
        result.Stderr.ShouldNotContain("Unhandled exception");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(45));
    }
}
