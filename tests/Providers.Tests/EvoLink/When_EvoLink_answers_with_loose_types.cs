using System.Net;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>
/// EvoLink documents integers, but a number may come as a float or as text, fields may be added or left out:
/// each is read (floats rounded the field's way) and an unreadable side field is dropped, never the answer.
/// </summary>
public sealed class When_EvoLink_answers_with_loose_types
{
    private const string VideoUrl = "https://files.evolink.test/out/a.mp4";
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/a.jpg", Prompt = "p" };

    /// <summary>Submit answers that carry the task id: each is an acceptance, whatever the other fields hold.</summary>
    public static TheoryData<string, string, int?> SubmitAnswers => new()
    {
        { "estimate as a float", """{"id":"task-1","status":"pending","progress":0.0,"task_info":{"can_cancel":true,"estimated_time":300.0}}""", 300 },
        { "estimate with a fraction, rounded up", """{"id":"task-1","status":"pending","task_info":{"estimated_time":299.2}}""", 300 },
        { "estimate as text", """{"id":"task-1","status":"pending","task_info":{"estimated_time":"300"}}""", 300 },
        { "created and progress as text", """{"created":"1757169743","id":"task-1","progress":"0","status":"pending"}""", null },
        { "extra fields everywhere", """{"id":"task-1","status":"pending","region":"eu","task_info":{"estimated_time":300,"queue":{"position":3}},"usage":{"new":[1,2]}}""", 300 },
        { "only the id", """{"id":"task-1"}""", null },
        { "task_info not an object", """{"id":"task-1","status":"pending","task_info":"soon"}""", null },
        { "usage not an object", """{"id":"task-1","status":"pending","usage":[5]}""", null },
        { "error as text", """{"id":"task-1","status":"pending","error":""}""", null },
        { "results not a list", """{"id":"task-1","status":"pending","results":"none yet"}""", null },
        { "status not text", """{"id":"task-1","status":{"phase":"pending"}}""", null },
    };

    [Theory]
    [MemberData(nameof(SubmitAnswers))]
    public async Task Should_accept_every_submit_answer_that_carries_the_task_id(string situation, string body, int? estimate)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted, situation);
        outcome.ProviderTaskId.ShouldBe("task-1", situation);
        outcome.EstimatedSeconds.ShouldBe(estimate, situation);
    }

    /// <summary>Task answers: what the progress and the estimate read as (progress rounded down, the estimate up).</summary>
    public static TheoryData<string, string, int?, int?> RunningAnswers => new()
    {
        { "progress as a float", """{"id":"task-1","status":"processing","progress":45.5}""", 45, null },
        { "progress just short of done", """{"id":"task-1","status":"processing","progress":99.9}""", 99, null },
        { "progress as text", """{"id":"task-1","status":"processing","progress":"45"}""", 45, null },
        { "progress as text with a fraction", """{"id":"task-1","status":"processing","progress":"45.5"}""", 45, null },
        { "estimate as a whole float", """{"id":"task-1","status":"processing","progress":10,"task_info":{"estimated_time":120.0}}""", 10, 120 },
        { "estimate as text", """{"id":"task-1","status":"processing","progress":10,"task_info":{"estimated_time":"120"}}""", 10, 120 },
        { "progress unreadable", """{"id":"task-1","status":"processing","progress":"lots","task_info":{"estimated_time":120}}""", null, 120 },
        { "no progress, no task_info", """{"id":"task-1","status":"processing"}""", null, null },
        { "extra fields", """{"id":"task-1","status":"processing","progress":10,"stage":{"name":"render"},"hints":[1,"a"]}""", 10, null },
    };

    [Theory]
    [MemberData(nameof(RunningAnswers))]
    public async Task Should_read_progress_and_estimate_of_a_running_task(string situation, string body, int? progress, int? estimate)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);

        // Act
        var result = await host.EvoLink.QueryAsync("task-1", CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Processing, situation);
        result.ProgressPercent.ShouldBe(progress, situation);
        result.EstimatedTotalSeconds.ShouldBe(estimate, situation);
    }

    public static TheoryData<string, string> FinishedAnswers => new()
    {
        { "numbers as floats", $$"""{"created":1757169743.0,"id":"task-1","status":"completed","progress":100.0,"results":["{{VideoUrl}}"]}""" },
        { "numbers as text", $$"""{"created":"1757169743","id":"task-1","status":"completed","progress":"100","results":["{{VideoUrl}}"]}""" },
        { "results that are no text beside the link", $$"""{"id":"task-1","status":"completed","results":[{"url":"x"},"{{VideoUrl}}",null]}""" },
        { "task_info and usage in other shapes", $$"""{"id":"task-1","status":"completed","results":["{{VideoUrl}}"],"task_info":[],"usage":"n/a"}""" },
        { "only status and results", $$"""{"status":"completed","results":["{{VideoUrl}}"]}""" },
    };

    [Theory]
    [MemberData(nameof(FinishedAnswers))]
    public async Task Should_complete_a_finished_task_with_its_link(string situation, string body)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);

        // Act
        var result = await host.EvoLink.QueryAsync("task-1", CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded, situation);
        result.Videos.ShouldHaveSingleItem(situation).Url.ShouldBe(VideoUrl);
    }

    [Fact]
    public async Task Should_warn_once_naming_the_dropped_fields_but_not_the_key_or_the_body()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            """{"id":"task-1","status":"processing","progress":"lots","task_info":{"estimated_time":{"min":60}},"secret_note":"do-not-log-me"}""");

        // Act
        var result = await host.EvoLink.QueryAsync("task-1", CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Processing);
        var warning = host.Logs.Warnings.ShouldHaveSingleItem();
        warning.Message.ShouldContain("EvoLink");
        warning.Message.ShouldContain("progress");
        warning.Message.ShouldContain("task_info.estimated_time");
        warning.Message.ShouldNotContain(ProviderHost.ApiKey);
        warning.Message.ShouldNotContain("lots");
        warning.Message.ShouldNotContain("do-not-log-me");
    }

    [Fact]
    public async Task Should_not_warn_about_an_answer_that_reads_whole()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("processing", progress: 45.5));

        // Act
        await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        host.Logs.Warnings.ShouldBeEmpty();
    }
}
