namespace VideoPlatform.Cli.Tests;

/// <summary>The line <c>watch</c> redraws: bar, percent, state, model @ provider and the time watched.</summary>
public sealed class When_rendering_a_progress_line
{
    private static readonly TimeSpan FortyTwoSeconds = TimeSpan.FromSeconds(42);

    [Fact]
    public void Should_show_half_a_bar_the_state_the_model_and_the_clock_at_50_percent()
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Processing, 50), FortyTwoSeconds, 120);

        // Assert
        line.ShouldBe("[##########----------]  50%  processing  kling-v3-image-to-video @ evolink  00:42");
    }

    [Fact]
    public void Should_show_a_waiting_requests_place_in_line_counting_from_one()
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Queued, 0) with { QueuePosition = 0 }, FortyTwoSeconds, 120);

        // Assert
        line.ShouldBe("[--------------------]   0%  queued, place 1  kling-v3-image-to-video @ evolink  00:42");
    }

    [Fact]
    public void Should_show_an_empty_bar_at_0_percent()
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Processing, 0), FortyTwoSeconds, 120);

        // Assert
        line.ShouldStartWith("[--------------------]   0%  processing");
    }

    [Fact]
    public void Should_show_a_full_bar_at_100_percent()
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Processing, 100), FortyTwoSeconds, 120);

        // Assert
        line.ShouldStartWith("[####################] 100%  processing");
    }

    [Fact]
    public void Should_show_0_percent_for_a_pending_request_without_progress()
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Pending), FortyTwoSeconds, 120);

        // Assert
        line.ShouldBe("[--------------------]   0%  pending  kling-v3-image-to-video @ evolink  00:42");
    }

    [Fact]
    public void Should_show_100_percent_once_completed_even_when_the_provider_reported_less()
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Completed, 90), FortyTwoSeconds, 120);

        // Assert
        line.ShouldStartWith("[####################] 100%");
    }

    [Theory]
    [InlineData(-5, "[--------------------]   0%")]
    [InlineData(7, "[#-------------------]   7%")]
    [InlineData(99, "[###################-]  99%")]
    [InlineData(250, "[####################] 100%")]
    public void Should_round_the_bar_down_and_keep_the_percent_between_0_and_100(int progress, string expected)
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Processing, progress), FortyTwoSeconds, 120);

        // Assert
        line.ShouldStartWith(expected);
    }

    public static TheoryData<VideoTaskStatus, string> States => new()
    {
        { Statuses.Of(VideoTaskStates.Pending), "pending" },
        { Statuses.Of(VideoTaskStates.Processing, 10), "processing" },
        { Statuses.Of(VideoTaskStates.Completed), "completed, archiving" },
        { Statuses.Archived("/archive/a.mp4"), "archived" },
        { Statuses.ArchiveFailed(), "archive failed" },
        { Statuses.Of(VideoTaskStates.Failed), "failed" },
        { Statuses.Of(VideoTaskStates.Canceled), "canceled" },
        { Statuses.Of(VideoTaskStates.NotFound), "not found" },
        { Statuses.Of("paused"), "paused" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void Should_name_the_state_and_split_completed_by_what_the_archiver_did(VideoTaskStatus status, string label)
    {
        // Act
        var line = ProgressLine.Render(status, FortyTwoSeconds, 120);

        // Assert
        line.ShouldContain($"%  {label}  ");
    }

    [Fact]
    public void Should_leave_out_the_model_when_the_poller_does_not_know_it_yet()
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.NotFound), FortyTwoSeconds, 120);

        // Assert
        line.ShouldBe("[--------------------]   0%  not found  00:42");
    }

    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(-3, "00:00")]
    [InlineData(3599, "59:59")]
    [InlineData(3600 + 62, "1:01:02")]
    [InlineData(25 * 3600, "25:00:00")]
    public void Should_show_the_time_watched_as_minutes_and_seconds_and_hours_once_past_one(int seconds, string clock)
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Processing, 50), TimeSpan.FromSeconds(seconds), 120);

        // Assert
        line.ShouldEndWith($"evolink  {clock}");
    }

    [Theory]
    [InlineData(81, "[##########----------]  50%  processing  kling-v3-image-to-video @ evolink  00:42")]
    [InlineData(80, "[##########----------]  50%  processing  kling-v3-image-to-video  00:42")]
    [InlineData(71, "[##########----------]  50%  processing  kling-v3-image-to-video  00:42")]
    [InlineData(70, "[##########----------]  50%  processing  00:42")]
    [InlineData(46, "[##########----------]  50%  processing  00:42")]
    [InlineData(45, " 50%  processing  00:42")]
    [InlineData(23, " 50%  processing  00:42")]
    [InlineData(22, " 50%  processing")]
    [InlineData(16, " 50%  processing")]
    [InlineData(6, " 50%  ")]
    [InlineData(0, "")]
    [InlineData(-1, "")]
    public void Should_drop_the_provider_the_model_the_bar_then_the_clock_to_fit_a_narrow_terminal(int width, string expected)
    {
        // Act
        var line = ProgressLine.Render(Statuses.Of(VideoTaskStates.Processing, 50), FortyTwoSeconds, width);

        // Assert
        line.ShouldBe(expected);
        line.Length.ShouldBeLessThanOrEqualTo(Math.Max(width, 0));
    }
}
