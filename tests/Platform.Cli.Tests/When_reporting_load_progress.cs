namespace VideoPlatform.Cli.Tests;

/// <summary><c>load</c>'s progress line on stderr counts each stage once per request; benchmarks read it.</summary>
public sealed class When_reporting_load_progress
{
    [Fact]
    public void Should_count_requests_per_stage_once_however_often_an_event_arrives()
    {
        // Arrange
        var run = new LoadRun();
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        ids.ForEach(run.Sent);
        ids.ForEach(id => run.Saw(id, LoadEvents.Submitted(id)));
        run.Saw(ids[0], LoadEvents.Submitted(ids[0]));
        run.Saw(ids[0], LoadEvents.Completed(ids[0], DateTimeOffset.UtcNow));
        run.Saw(ids[0], LoadEvents.Archived(ids[0]));
        run.Saw(ids[1], LoadEvents.Failed(ids[1]));

        // Act
        var line = run.Progress(TimeSpan.FromSeconds(42));

        // Assert
        line.ShouldBe("    42 s: 3 submitted, 1 completed, 1 archived, 2/3 terminal");
    }

    [Fact]
    public void Should_ignore_events_of_requests_it_did_not_send()
    {
        // Arrange
        var run = new LoadRun();
        run.Sent(Guid.NewGuid());
        var leftover = Guid.NewGuid();

        // Act
        run.Saw(leftover, LoadEvents.Archived(leftover));

        // Assert
        run.Progress(TimeSpan.Zero).ShouldBe("     0 s: 0 submitted, 0 completed, 0 archived, 0/1 terminal");
    }
}
