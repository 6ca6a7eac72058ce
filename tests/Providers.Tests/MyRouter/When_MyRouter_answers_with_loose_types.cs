using System.Net;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>
/// MyRouter documents integers (and the TTL as a string of seconds), but a number may come as a float or as text,
/// fields may be added or left out: each is read (floats rounded the field's way) and an unreadable side field is
/// dropped, never the answer.
/// </summary>
public sealed class When_MyRouter_answers_with_loose_types
{
    private const string VideoUrl = "https://files.myrouter.test/out/a.mp4";
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/a.jpg", Prompt = "p" };

    public static TheoryData<string, string, string> SubmitAnswers => new()
    {
        { "the documented answer", """{"task_id":"abc-1"}""", "abc-1" },
        { "extra fields", """{"task_id":"abc-1","status":"queued","meta":{"region":"eu"},"eta":12.5}""", "abc-1" },
        { "task id as a number", """{"task_id":12345}""", "12345" },
    };

    [Theory]
    [MemberData(nameof(SubmitAnswers))]
    public async Task Should_accept_every_submit_answer_that_carries_the_task_id(string situation, string body, string taskId)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted, situation);
        outcome.ProviderTaskId.ShouldBe(taskId, situation);
    }

    /// <summary>Progress is rounded down (a task at 99.9 % is not done), the seconds left rounded up (never promise it sooner).</summary>
    public static TheoryData<string, string, int?, int?> RunningAnswers => new()
    {
        { "floats", """{"task":{"status":"TASK_STATUS_PROCESSING","eta":12.0,"progress_percent":45.5}}""", 45, 12 },
        { "fractions", """{"task":{"status":"TASK_STATUS_PROCESSING","eta":12.2,"progress_percent":99.9}}""", 99, 13 },
        { "text", """{"task":{"status":"TASK_STATUS_PROCESSING","eta":"12","progress_percent":"45"}}""", 45, 12 },
        { "text with fractions", """{"task":{"status":"TASK_STATUS_PROCESSING","eta":"11.5","progress_percent":"45.5"}}""", 45, 12 },
        { "unreadable eta", """{"task":{"status":"TASK_STATUS_PROCESSING","eta":{"s":3},"progress_percent":45}}""", 45, null },
        { "nothing but the status", """{"task":{"status":"TASK_STATUS_PROCESSING"}}""", null, null },
        { "extra fields", """{"task":{"task_id":"abc-1","status":"TASK_STATUS_PROCESSING","eta":12,"progress_percent":45,"queue":[1]},"extra":{"a":1},"videos":[]}""", 45, 12 },
        { "reason not text", """{"task":{"status":"TASK_STATUS_PROCESSING","eta":12,"progress_percent":45,"reason":{"code":1}}}""", 45, 12 },
    };

    [Theory]
    [MemberData(nameof(RunningAnswers))]
    public async Task Should_read_progress_and_eta_of_a_running_task(string situation, string body, int? progress, int? eta)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);

        // Act
        var result = await host.MyRouter.QueryAsync("abc-1", CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Processing, situation);
        result.ProgressPercent.ShouldBe(progress, situation);
        result.EtaSeconds.ShouldBe(eta, situation);
    }

    public static TheoryData<string, string, int?> FinishedAnswers => new()
    {
        { "ttl as documented", Finished("\"3600\""), 3600 },
        { "ttl as a number", Finished("3600"), 3600 },
        { "ttl as a float", Finished("3600.0"), 3600 },
        { "ttl as text with a fraction", Finished("\"3600.4\""), 3600 },
        { "ttl unreadable", Finished("{\"s\":3600}"), null },
        { "no ttl", $$"""{"task":{"status":"TASK_STATUS_SUCCEED"},"videos":[{"video_url":"{{VideoUrl}}"}]}""", null },
        { "extra fields", $$"""{"task":{"status":"TASK_STATUS_SUCCEED","eta":0.0,"progress_percent":100.0},"videos":[{"video_url":"{{VideoUrl}}","video_url_ttl":"3600","video_type":"mp4","size":1.5e6}],"images":[]}""", 3600 },
        { "a video entry that is no object", $$"""{"task":{"status":"TASK_STATUS_SUCCEED"},"videos":["{{VideoUrl}}",{"video_url":"{{VideoUrl}}","video_url_ttl":"3600"}]}""", 3600 },
    };

    [Theory]
    [MemberData(nameof(FinishedAnswers))]
    public async Task Should_complete_a_finished_task_with_the_link_and_its_ttl(string situation, string body, int? ttlSeconds)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);
        var before = DateTimeOffset.UtcNow;

        // Act
        var result = await host.MyRouter.QueryAsync("abc-1", CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded, situation);
        var video = result.Videos.ShouldHaveSingleItem(situation);
        video.Url.ShouldBe(VideoUrl);
        if (ttlSeconds is { } ttl)
            video.ExpiresAt.ShouldNotBeNull(situation).ShouldBeInRange(before.AddSeconds(ttl - 1), DateTimeOffset.UtcNow.AddSeconds(ttl + 1));
        else
            video.ExpiresAt.ShouldBeNull(situation);
    }

    [Fact]
    public async Task Should_warn_once_naming_the_dropped_fields()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            $$$"""{"task":{"status":"TASK_STATUS_SUCCEED","eta":"soon"},"videos":[{"video_url":"{{{VideoUrl}}}","video_url_ttl":{"s":1}}]}""");

        // Act
        var result = await host.MyRouter.QueryAsync("abc-1", CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded);
        var warning = host.Logs.Warnings.ShouldHaveSingleItem();
        warning.Message.ShouldContain("MyRouter");
        warning.Message.ShouldContain("task.eta");
        warning.Message.ShouldContain("videos[].video_url_ttl");
        warning.Message.ShouldNotContain("soon");
    }

    private static string Finished(string ttl) =>
        $$$"""{"task":{"status":"TASK_STATUS_SUCCEED","eta":0,"progress_percent":100},"videos":[{"video_url":"{{{VideoUrl}}}","video_url_ttl":{{{ttl}}},"video_type":"mp4"}]}""";
}
