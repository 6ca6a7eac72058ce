using System.Text.Json;

namespace VideoPlatform.Cli.Tests;

/// <summary>
/// <c>load --events-out</c>: one JSON line per request with snake_case names, ISO-8601 times with their offset, null
/// for an event that never came, and the platform's own completion time, so a benchmark can join it to the provider's.
/// </summary>
public sealed class When_writing_the_load_events_file
{
    private static readonly Guid RequestId = Guid.Parse("0d4b3a52-8f0e-4a53-9d8e-7c3f1f6b2a10");

    [Fact]
    public void Should_write_every_field_by_its_snake_case_name_with_times_in_iso_8601_and_their_offset()
    {
        // Arrange
        var line = new LoadEventLine
        {
            RequestId = RequestId,
            SentAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, 125, TimeSpan.Zero),
            SubmittedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 1, TimeSpan.Zero),
            CompletedAt = new DateTimeOffset(2026, 3, 1, 14, 2, 30, TimeSpan.FromHours(2)),
            ArchivedAt = new DateTimeOffset(2026, 3, 1, 12, 2, 31, 500, TimeSpan.Zero),
            Outcome = nameof(VideoArchived),
        };

        // Act
        var json = line.ToJson();

        // Assert
        json.ShouldBe(
            "{\"request_id\":\"0d4b3a52-8f0e-4a53-9d8e-7c3f1f6b2a10\"," +
            "\"sent_at\":\"2026-03-01T12:00:00.125+00:00\",\"submitted_at\":\"2026-03-01T12:00:01+00:00\"," +
            "\"completed_at\":\"2026-03-01T14:02:30+02:00\",\"archived_at\":\"2026-03-01T12:02:31.5+00:00\"," +
            "\"outcome\":\"VideoArchived\",\"reason_code\":null,\"archived_events\":0,\"archived_bytes\":0," +
            "\"accepted_at\":null,\"reason\":null,\"queued_at\":null}");
    }

    [Fact]
    public void Should_take_completed_at_from_the_event_not_from_when_it_arrived()
    {
        // Arrange
        var run = new LoadRun();
        run.Sent(RequestId);
        var completedAt = DateTimeOffset.UtcNow.AddMinutes(-3);
        run.Saw(RequestId, LoadEvents.Submitted(RequestId));
        run.Saw(RequestId, LoadEvents.Completed(RequestId, completedAt));
        run.Saw(RequestId, LoadEvents.Archived(RequestId));
        var trace = run.Requests.Single();

        // Act
        var line = LoadEventLine.From(trace);

        // Assert
        line.RequestId.ShouldBe(RequestId);
        line.SentAt.ShouldBe(trace.SentAt);
        line.SubmittedAt.ShouldBe(trace.FirstAt(nameof(TaskSubmitted)));
        line.CompletedAt.ShouldBe(completedAt);
        line.ArchivedAt.ShouldBe(trace.FirstAt(nameof(VideoArchived)));
        line.Outcome.ShouldBe(nameof(VideoArchived));
    }

    [Fact]
    public void Should_take_accepted_at_from_the_submitted_event_not_from_when_it_arrived()
    {
        // Arrange: a benchmark measures the wait for a provider slot on the platform's clock, not the event's travel.
        var run = new LoadRun();
        run.Sent(RequestId);
        var acceptedAt = DateTimeOffset.UtcNow.AddSeconds(-40);

        // Act
        run.Saw(RequestId, LoadEvents.Submitted(RequestId) with { SubmittedAt = acceptedAt });

        // Assert
        LoadEventLine.From(run.Requests.Single()).AcceptedAt.ShouldBe(acceptedAt);
    }

    [Fact]
    public void Should_keep_the_first_completion_when_the_event_is_delivered_twice()
    {
        // Arrange
        var run = new LoadRun();
        run.Sent(RequestId);
        var first = DateTimeOffset.UtcNow.AddMinutes(-2);

        // Act
        run.Saw(RequestId, LoadEvents.Completed(RequestId, first));
        run.Saw(RequestId, LoadEvents.Completed(RequestId, first.AddSeconds(30)));

        // Assert
        LoadEventLine.From(run.Requests.Single()).CompletedAt.ShouldBe(first);
    }

    [Fact]
    public void Should_write_null_times_and_lost_for_a_request_that_saw_no_event()
    {
        // Arrange
        var run = new LoadRun();
        run.Sent(RequestId);

        // Act
        var json = LoadEventLine.From(run.Requests.Single()).ToJson();

        // Assert
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("submitted_at").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("completed_at").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("archived_at").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("outcome").GetString().ShouldBe("lost");
    }

    [Fact]
    public void Should_name_the_failure_event_as_the_outcome_of_a_failed_request()
    {
        // Arrange
        var run = new LoadRun();
        run.Sent(RequestId);
        run.Saw(RequestId, LoadEvents.Submitted(RequestId));

        // Act
        run.Saw(RequestId, LoadEvents.Failed(RequestId));

        // Assert
        var line = LoadEventLine.From(run.Requests.Single());
        line.Outcome.ShouldBe(nameof(TaskFailed));
        line.CompletedAt.ShouldBeNull();
        line.ArchivedAt.ShouldBeNull();
    }

    [Fact]
    public void Should_carry_the_reason_code_of_a_failure()
    {
        // Arrange
        var run = new LoadRun();
        run.Sent(RequestId);

        // Act
        run.Saw(RequestId, LoadEvents.Failed(RequestId));

        // Assert
        LoadEventLine.From(run.Requests.Single()).ReasonCode.ShouldBe(FailureReasons.ProviderFailed);
    }

    [Fact]
    public void Should_carry_the_reason_in_words_of_a_failure()
    {
        // Arrange: one code covers several refusals; a benchmark tells a full provider from its words.
        var run = new LoadRun();
        run.Sent(RequestId);

        // Act
        run.Saw(RequestId, LoadEvents.Failed(RequestId) with { Reason = "the provider refused every attempt: too many unfinished tasks" });

        // Assert
        LoadEventLine.From(run.Requests.Single()).Reason.ShouldBe("the provider refused every attempt: too many unfinished tasks");
    }

    [Fact]
    public void Should_count_every_VideoArchived_event_and_the_bytes_the_first_one_lists()
    {
        // Arrange: a crash test tells a double archive from the count, and an archive of nothing from the bytes.
        var run = new LoadRun();
        run.Sent(RequestId);
        var archived = LoadEvents.Archived(RequestId) with
        {
            Videos = [new ArchivedVideo { Path = "a/video-0.mp4", SizeBytes = 1000, Sha256 = new string('a', 64), SourceUrl = "https://example.com/v.mp4" }],
        };

        // Act
        run.Saw(RequestId, archived);
        run.Saw(RequestId, archived);

        // Assert
        var line = LoadEventLine.From(run.Requests.Single());
        line.ArchivedEvents.ShouldBe(2);
        line.ArchivedBytes.ShouldBe(1000);
        line.ReasonCode.ShouldBeNull();
    }

    [Fact]
    public async Task Should_write_one_line_per_request_in_the_order_sent()
    {
        // Arrange
        var run = new LoadRun();
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            run.Sent(id);
            await Task.Delay(2);
        }
        using var writer = new StringWriter();

        // Act
        await LoadEventLine.WriteAllAsync(writer, run.Requests);

        // Assert
        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("request_id").GetGuid()).ShouldBe(ids);
    }
}
