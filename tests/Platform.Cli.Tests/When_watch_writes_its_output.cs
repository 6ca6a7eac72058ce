using System.Text.Json;

namespace VideoPlatform.Cli.Tests;

/// <summary>
/// A terminal gets one line redrawn in place; a log gets a line per change and no <c>\r</c>; a script gets a JSON
/// line per change. Archived paths go to stdout, notes and errors to stderr.
/// </summary>
public sealed class When_watch_writes_its_output
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private WatchDisplay Display(WatchOutput output, int width = 120) => new(_stdout, _stderr, output, () => width);

    [Fact]
    public void Should_write_a_line_to_a_log_only_when_the_state_or_progress_changes()
    {
        // Arrange
        var display = Display(WatchOutput.Lines);

        // Act
        display.Update(Statuses.Of(VideoTaskStates.Pending), TimeSpan.FromSeconds(1), null);
        display.Update(Statuses.Of(VideoTaskStates.Pending), TimeSpan.FromSeconds(2), null);
        display.Update(Statuses.Of(VideoTaskStates.Processing, 10), TimeSpan.FromSeconds(3), null);
        display.Update(Statuses.Of(VideoTaskStates.Processing, 10), TimeSpan.FromSeconds(4), null);
        display.Update(Statuses.Of(VideoTaskStates.Processing, 20), TimeSpan.FromSeconds(5), null);

        // Assert
        _stdout.ToString().ShouldNotContain("\r");
        Lines(_stdout).ShouldBe(
        [
            "[--------------------]   0%  pending  kling-v3-image-to-video @ evolink  00:01",
            "[##------------------]  10%  processing  kling-v3-image-to-video @ evolink  00:03",
            "[####----------------]  20%  processing  kling-v3-image-to-video @ evolink  00:05",
        ]);
    }

    [Fact]
    public void Should_redraw_one_line_on_a_terminal_and_end_it_before_the_archived_paths()
    {
        // Arrange
        var display = Display(WatchOutput.Bar);

        // Act
        display.Update(Statuses.Of(VideoTaskStates.Processing, 50), TimeSpan.FromSeconds(1), null);
        display.Update(Statuses.Of(VideoTaskStates.Processing, 50), TimeSpan.FromSeconds(2), null);
        display.Update(Statuses.Archived("/archive/a.mp4"), TimeSpan.FromSeconds(3), null);
        display.Finish(WatchOutcome.Archived(["/archive/a.mp4"]));

        // Assert
        var written = _stdout.ToString();
        written.Split('\r').Length.ShouldBe(4);
        written.ShouldContain("\r[##########----------]  50%  processing  kling-v3-image-to-video @ evolink  00:02");
        // "archived" is two characters shorter than "processing": the redraw blanks what the old line left.
        written.ShouldEndWith($"\r[####################] 100%  archived  kling-v3-image-to-video @ evolink  00:03  {Environment.NewLine}/archive/a.mp4{Environment.NewLine}");
    }

    [Fact]
    public void Should_blank_what_is_left_of_a_longer_line_when_redrawing_a_shorter_one()
    {
        // Arrange
        var display = Display(WatchOutput.Bar);
        display.Update(Statuses.Of(VideoTaskStates.Processing, 50), TimeSpan.FromSeconds(1), null);
        var longer = _stdout.ToString().Length - 1;

        // Act
        display.Update(Statuses.Of(VideoTaskStates.NotFound), TimeSpan.FromSeconds(2), null);

        // Assert
        var redraw = _stdout.ToString()[(longer + 1)..];
        redraw.ShouldStartWith("\r[--------------------]   0%  not found  00:02 ");
        (redraw.Length - 1).ShouldBe(longer);
    }

    [Fact]
    public void Should_fit_the_bar_to_the_terminal_width()
    {
        // Arrange
        var display = Display(WatchOutput.Bar, width: 30);

        // Act
        display.Update(Statuses.Of(VideoTaskStates.Processing, 50), TimeSpan.FromSeconds(1), null);

        // Assert
        _stdout.ToString().ShouldBe("\r 50%  processing  00:01");
    }

    [Fact]
    public void Should_write_the_status_as_one_json_line_per_change_and_no_bare_paths()
    {
        // Arrange
        var display = Display(WatchOutput.Json);

        // Act
        display.Update(Statuses.Of(VideoTaskStates.Processing, 10), TimeSpan.FromSeconds(1), null);
        display.Update(Statuses.Of(VideoTaskStates.Processing, 10), TimeSpan.FromSeconds(2), null);
        display.Update(Statuses.Archived("/archive/a.mp4"), TimeSpan.FromSeconds(3), null);
        display.Finish(WatchOutcome.Archived(["/archive/a.mp4"]));

        // Assert
        var lines = Lines(_stdout);
        lines.Length.ShouldBe(2);
        using var last = JsonDocument.Parse(lines[1]);
        last.RootElement.GetProperty("state").GetString().ShouldBe(VideoTaskStates.Completed);
        last.RootElement.GetProperty("archivedVideos")[0].GetProperty("path").GetString().ShouldBe("/archive/a.mp4");
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("progressPercent").GetInt32().ShouldBe(10);
    }

    [Fact]
    public void Should_write_a_repeated_note_to_stderr_once()
    {
        // Arrange
        var display = Display(WatchOutput.Lines);

        // Act
        display.Update(Statuses.Of(VideoTaskStates.NotFound), TimeSpan.FromSeconds(1), "not tracked yet");
        display.Update(Statuses.Of(VideoTaskStates.NotFound), TimeSpan.FromSeconds(2), "not tracked yet");
        display.Update(Statuses.Of(VideoTaskStates.NotFound), TimeSpan.FromSeconds(3), "not tracked yet");

        // Assert
        Lines(_stderr).ShouldBe(["not tracked yet"]);
        Lines(_stdout).Length.ShouldBe(1);
    }

    [Fact]
    public void Should_write_a_note_again_when_it_comes_back_after_a_normal_answer()
    {
        // Arrange
        var display = Display(WatchOutput.Lines);

        // Act
        display.NoAnswer(TimeSpan.FromSeconds(1), "no answer");
        display.NoAnswer(TimeSpan.FromSeconds(2), "no answer");
        display.Update(Statuses.Of(VideoTaskStates.Pending), TimeSpan.FromSeconds(3), null);
        display.NoAnswer(TimeSpan.FromSeconds(4), "no answer");

        // Assert
        Lines(_stderr).ShouldBe(["no answer", "no answer"]);
    }

    [Fact]
    public void Should_wipe_the_bar_before_a_note_and_draw_it_again_after()
    {
        // Arrange
        var display = Display(WatchOutput.Bar);
        display.Update(Statuses.Of(VideoTaskStates.Processing, 50), TimeSpan.FromSeconds(1), null);

        // Act
        display.NoAnswer(TimeSpan.FromSeconds(11), "no answer");

        // Assert
        _stderr.ToString().ShouldBe("no answer" + Environment.NewLine);
        _stdout.ToString().ShouldBe(
            "\r[##########----------]  50%  processing  kling-v3-image-to-video @ evolink  00:01" +
            "\r" + new string(' ', 81) + "\r" +
            "\r[##########----------]  50%  processing  kling-v3-image-to-video @ evolink  00:11");
    }

    [Fact]
    public void Should_end_the_bar_line_before_an_error()
    {
        // Arrange
        var display = Display(WatchOutput.Bar);
        display.Update(Statuses.Of(VideoTaskStates.Failed, 30), TimeSpan.FromSeconds(1), null);

        // Act
        display.Finish(WatchOutcome.Ended(ExitCodes.Failed, "failed: provider_failed"));

        // Assert
        _stdout.ToString().ShouldEndWith("00:01" + Environment.NewLine);
        _stderr.ToString().ShouldBe("failed: provider_failed" + Environment.NewLine);
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
