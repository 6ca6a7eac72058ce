namespace VideoPlatform.Cli.Tests;

/// <summary>
/// A wrong password is a one-line error that names the broker without it, not a stack trace. Needs the local broker
/// (<c>scripts/infra.sh up</c>) on 127.0.0.1:5672, which refuses the login at once.
/// </summary>
public sealed class When_the_broker_refuses_the_login
{
    private const string Password = "Hunter2-Pw";

    [Theory]
    [InlineData("status", "0b6c2a4e-5d2f-4b8e-9d0a-3f1e2c4b5a69")]
    [InlineData("submit", "--model", "kling-v3-i2v")]
    public async Task Should_exit_1_naming_the_broker_but_not_the_password(params string[] command)
    {
        // Act
        var result = await CliProcess.RunAsync([.. command, "--rabbitmq", $"amqp://guest:{Password}@127.0.0.1:5672/"]);

        // Assert
        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("error: cannot connect to amqp://guest@127.0.0.1:5672/%2F");
        result.Stderr.ShouldContain("ACCESS_REFUSED");
        result.Stderr.ShouldNotContain("Unhandled exception");
        (result.Stdout + result.Stderr).ShouldNotContain(Password);
    }
}
