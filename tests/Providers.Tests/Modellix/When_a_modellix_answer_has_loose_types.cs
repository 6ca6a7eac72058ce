using System.Net;
using System.Text.Json.Nodes;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// Modellix documents integers, but a number may come as a float or as text, fields may be added or left out: each
/// is read (floats rounded the field's way) and an unreadable side field is dropped, never the answer.
/// </summary>
public sealed class When_a_modellix_answer_has_loose_types
{
    private const string VideoUrl = ModellixAnswers.VideoUrl;
    private const long CompletedAtMs = ModellixAnswers.CompletedAtMs;
    private static readonly DateTimeOffset CompletedAt = DateTimeOffset.FromUnixTimeMilliseconds(CompletedAtMs);

    public static TheoryData<string, string, string> SubmitAnswers => new()
    {
        { "the documented answer", ModellixAnswers.Accepted("task-1"), "task-1" },
        { "code as text", """{"code":"0","message":"success","data":{"task_id":"task-1"}}""", "task-1" },
        { "code as a float", """{"code":0.0,"message":"success","data":{"task_id":"task-1"}}""", "task-1" },
        { "code unreadable", """{"code":{"value":0},"message":"success","data":{"task_id":"task-1"}}""", "task-1" },
        { "no code, no message", """{"data":{"task_id":"task-1"}}""", "task-1" },
        { "extra fields", """{"code":0,"message":"success","trace":"x","data":{"status":"pending","task_id":"task-1","queue":{"at":3},"get_result":{"method":"GET","url":7}}}""", "task-1" },
        { "side fields in other shapes", """{"code":0,"message":["ok"],"data":{"status":{"s":1},"task_id":"task-1","model_id":42,"get_result":"later"}}""", "task-1" },
        { "task id as a number", """{"code":0,"data":{"task_id":12345}}""", "12345" },
    };

    [Theory]
    [MemberData(nameof(SubmitAnswers))]
    public async Task Should_accept_every_submit_answer_that_carries_the_task_id(string situation, string body, string taskId)
    {
        // Arrange
        var client = Answering(body);

        // Act
        var outcome = await client.SubmitAsync("/api/v1/kling/kling-v3-i2v/async", new JsonObject { ["prompt"] = "a cat" }, Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted, situation);
        outcome.ProviderTaskId.ShouldBe(taskId, situation);
    }

    /// <summary>Sizes are rounded to the nearest pixel; times to the nearest millisecond.</summary>
    public static TheoryData<string, string, int?, int?, long?> FinishedAnswers => new()
    {
        { "sizes and times as floats", Finished("\"width\":1280.0,\"height\":720.0", $"\"result_expires_at\":{CompletedAtMs + 3_600_000}.0"), 1280, 720, CompletedAtMs + 3_600_000 },
        { "sizes with fractions", Finished("\"width\":1279.6,\"height\":720.4", ""), 1280, 720, null },
        { "sizes and times as text", Finished("\"width\":\"1280\",\"height\":\"720\"", $"\"result_expires_at\":\"{CompletedAtMs + 3_600_000}\""), 1280, 720, CompletedAtMs + 3_600_000 },
        { "expiry with a fraction of a millisecond", Finished("", $"\"result_expires_at\":{CompletedAtMs + 3_600_000}.4"), null, null, CompletedAtMs + 3_600_000 },
        { "sizes unreadable", Finished("\"width\":\"wide\",\"height\":[720]", ""), null, null, null },
        { "nothing but the link", $$$$"""{"code":0,"data":{"status":"success","completed_at":{{{{CompletedAtMs}}}},"result":{"resources":[{"url":"{{{{VideoUrl}}}}"}]}}}""", null, null, null },
        { "extra fields", Finished("\"width\":1280,\"height\":720,\"duration\":5.04,\"fps\":\"24\"", "\"cost\":{\"credits\":1.5},\"tags\":[\"a\"]"), 1280, 720, null },
        { "a resource that is no object", $$$$"""{"code":0,"data":{"status":"success","completed_at":{{{{CompletedAtMs}}}},"result":{"resources":["{{{{VideoUrl}}}}",{"url":"{{{{VideoUrl}}}}","type":"video"}]}}}""", null, null, null },
    };

    [Theory]
    [MemberData(nameof(FinishedAnswers))]
    public async Task Should_complete_a_finished_task_with_its_video(string situation, string body, int? width, int? height, long? expiresAtMs)
    {
        // Arrange
        var client = Answering(body);

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Succeeded, situation);
        var video = status.Videos.ShouldHaveSingleItem(situation);
        video.Url.ShouldBe(VideoUrl);
        video.Width.ShouldBe(width, situation);
        video.Height.ShouldBe(height, situation);
        video.ExpiresAt.ShouldBe(expiresAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : CompletedAt.AddHours(24), situation);
    }

    public static TheoryData<string, string> FailedAnswers => new()
    {
        { "error as an object", """{"code":0,"data":{"status":"failed","error":{"message":"moderation","code":1301.0}}}""" },
        { "message as a number", """{"code":0,"message":12,"data":{"status":"failed","error":"moderation"}}""" },
        { "times as text", """{"code":"0","data":{"status":"failed","error":"moderation","completed_at":"1767225600000"}}""" },
    };

    [Theory]
    [MemberData(nameof(FailedAnswers))]
    public async Task Should_fail_a_failed_task_with_its_error_text(string situation, string body)
    {
        // Arrange
        var client = Answering(body);

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Failed, situation);
        status.FailureMessage.ShouldBe("moderation", situation);
    }

    private static string Finished(string resourceExtras, string dataExtras)
    {
        var resource = resourceExtras.Length == 0 ? "" : "," + resourceExtras;
        var data = dataExtras.Length == 0 ? "" : "," + dataExtras;
        return $$$$"""
            {"code":0,"message":"success","data":{"task_id":"task-42","status":"success","completed_at":{{{{CompletedAtMs}}}},
             "result":{"resources":[{"url":"{{{{VideoUrl}}}}","type":"video","format":"mp4"{{{{resource}}}}}]}{{{{data}}}}}}
            """;
    }

    private static IModellixApi Answering(string body) =>
        ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, body)));
}
