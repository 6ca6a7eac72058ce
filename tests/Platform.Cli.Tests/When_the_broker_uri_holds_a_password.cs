namespace VideoPlatform.Cli.Tests;

/// <summary>
/// A password given in <c>--rabbitmq</c> or <c>RABBITMQ_URL</c> reaches the broker and nothing else: not the error of a
/// malformed URI (exit 2 with the reason), not the text that names the broker.
/// </summary>
public sealed class When_the_broker_uri_holds_a_password
{
    private const string Password = "Hunter2-Pw";
    private const string RequestId = "0b6c2a4e-5d2f-4b8e-9d0a-3f1e2c4b5a69";

    /// <summary>Every command that talks to the bus, with its other arguments valid.</summary>
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "submit", "--model", "kling-v3-i2v", "--prompt", "a cat" },
        new[] { "status", RequestId },
        new[] { "cancel", RequestId },
        new[] { "watch", RequestId },
        new[] { "load", "--requests", "1" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Should_exit_2_with_the_reason_and_not_print_the_password_given_as_an_option(string[] command)
    {
        // Act
        var result = await CliProcess.RunAsync([.. command, "--rabbitmq", $"amqp://video:{Password}@rabbit.internal:56x2/platform"]);

        // Assert
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--rabbitmq");
        result.Stderr.ShouldContain("port");
        (result.Stdout + result.Stderr).ShouldNotContain(Password);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Should_exit_2_with_the_reason_and_not_print_the_password_given_in_the_environment(string[] command)
    {
        // Arrange
        var environment = new Dictionary<string, string?> { ["RABBITMQ_URL"] = $"amqp://video:{Password}@rabbit.internal/team/video" };

        // Act
        var result = await CliProcess.RunAsync(command, environment);

        // Assert
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("RABBITMQ_URL");
        (result.Stdout + result.Stderr).ShouldNotContain(Password);
    }

    [Fact]
    public async Task Should_check_the_option_before_the_environment()
    {
        // Arrange
        var environment = new Dictionary<string, string?> { ["RABBITMQ_URL"] = "amqp://video:pw@127.0.0.1/" };

        // Act
        var result = await CliProcess.RunAsync(["status", RequestId, "--rabbitmq", "amqp://video:pw@127.0.0.1:port/"], environment);

        // Assert
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--rabbitmq");
    }

    [Fact]
    public void Should_leave_the_password_out_of_the_broker_s_name()
    {
        // Arrange
        var broker = BrokerUri.Parse($"amqps://video:{Password}@rabbit.internal/platform");

        // Act
        var name = broker.ToString();

        // Assert
        name.ShouldBe("amqps://video@rabbit.internal:5671/platform");
        name.ShouldNotContain(Password);
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("status")]
    [InlineData("cancel")]
    [InlineData("watch")]
    [InlineData("load")]
    public async Task Should_show_the_option_in_the_command_s_help(string command)
    {
        // Act
        var result = await CliProcess.RunAsync([command, "--help"]);

        // Assert
        result.Stdout.ShouldContain("--rabbitmq");
    }
}
