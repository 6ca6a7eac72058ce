namespace VideoPlatform.Cli.Tests;

/// <summary>The watch loop against a scripted poller: it polls until an ending, a timeout or Ctrl+C.</summary>
public sealed class When_watching_a_request
{
    private static readonly WatchSettings Fast = new(
        Interval: TimeSpan.FromMilliseconds(1), Timeout: TimeSpan.FromSeconds(30), NotFoundGrace: TimeSpan.FromSeconds(30), Json: false);

    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private Task<int> Watch(ScriptedPoller poller, WatchSettings settings, CancellationToken ct = default) =>
        WatchLoop.RunAsync(poller.Ask, settings, new WatchDisplay(_stdout, _stderr, WatchOutput.Lines, () => 120), ct);

    [Fact]
    public async Task Should_follow_it_from_pending_to_archived_and_print_the_path()
    {
        // Arrange
        var poller = new ScriptedPoller(
            Statuses.Of(VideoTaskStates.NotFound),
            Statuses.Of(VideoTaskStates.Pending),
            Statuses.Of(VideoTaskStates.Processing, 50),
            null,
            Statuses.Of(VideoTaskStates.Completed, 100),
            Statuses.Archived("/archive/a.mp4"));

        // Act
        var exitCode = await Watch(poller, Fast);

        // Assert
        exitCode.ShouldBe(ExitCodes.Archived);
        poller.Asked.ShouldBe(6);
        var stdout = _stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        stdout[..^1].Select(line => line.Split("%  ")[1].Split("  ")[0]).ShouldBe(["not found", "pending", "processing", "completed, archiving", "archived"]);
        stdout[^1].ShouldBe("/archive/a.mp4");
        _stderr.ToString().ShouldContain("does not track request");
        _stderr.ToString().ShouldContain("no answer from the poller");
    }

    [Fact]
    public async Task Should_stop_at_a_failure_with_its_exit_code()
    {
        // Arrange
        var poller = new ScriptedPoller(
            Statuses.Of(VideoTaskStates.Processing, 20),
            Statuses.Of(VideoTaskStates.Failed) with { FailureCode = FailureReasons.TimedOut },
            Statuses.Archived("/archive/never.mp4"));

        // Act
        var exitCode = await Watch(poller, Fast);

        // Assert
        exitCode.ShouldBe(ExitCodes.Failed);
        poller.Asked.ShouldBe(2);
        _stderr.ToString().ShouldContain($"failed: {FailureReasons.TimedOut}");
        _stdout.ToString().ShouldNotContain("/archive/");
    }

    [Fact]
    public async Task Should_give_up_on_an_unknown_request_after_the_grace_period()
    {
        // Arrange
        var poller = new ScriptedPoller(Statuses.Of(VideoTaskStates.NotFound));

        // Act
        var exitCode = await Watch(poller, Fast with { NotFoundGrace = TimeSpan.FromMilliseconds(50) });

        // Assert
        exitCode.ShouldBe(ExitCodes.Failed);
        poller.Asked.ShouldBeGreaterThan(1);
        _stderr.ToString().ShouldContain("not found:");
    }

    [Fact]
    public async Task Should_time_out_when_the_request_never_ends()
    {
        // Arrange
        var poller = new ScriptedPoller(Statuses.Of(VideoTaskStates.Processing, 10));

        // Act
        var exitCode = await Watch(poller, Fast with { Timeout = TimeSpan.FromMilliseconds(100) });

        // Assert
        exitCode.ShouldBe(ExitCodes.TimedOut);
        _stderr.ToString().ShouldContain("did not finish within");
    }

    [Fact]
    public async Task Should_keep_asking_a_silent_poller_until_the_timeout()
    {
        // Arrange
        var poller = new ScriptedPoller([null]);

        // Act
        var exitCode = await Watch(poller, Fast with { Timeout = TimeSpan.FromMilliseconds(100) });

        // Assert
        exitCode.ShouldBe(ExitCodes.TimedOut);
        poller.Asked.ShouldBeGreaterThan(1);
        _stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["error: no answer from the poller; asking again until the timeout", "error: the request did not finish within 0 s"]);
    }

    [Fact]
    public async Task Should_stop_cleanly_on_ctrl_c()
    {
        // Arrange
        var poller = new ScriptedPoller(Statuses.Of(VideoTaskStates.Processing, 10));
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        // Act
        var exitCode = await Watch(poller, Fast, ctrlC.Token);

        // Assert
        exitCode.ShouldBe(ExitCodes.Interrupted);
        _stderr.ToString().ShouldContain("stopped watching");
    }
}
