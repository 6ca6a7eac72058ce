using System.Net;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>A 200 task answer in the documented shape, mapped onto the platform's task states.</summary>
public sealed class When_querying_a_modellix_task
{
    [Fact]
    public async Task Should_ask_the_task_route_with_the_bearer_key_only_in_the_header()
    {
        // Arrange
        var network = StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.Task("processing")));
        var client = ModellixClients.Over(network);

        // Act
        await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        var sent = network.Sent.ShouldHaveSingleItem().Message;
        sent.Method.ShouldBe(HttpMethod.Get);
        sent.RequestUri.ShouldBe(new Uri("https://modellix.test/api/v1/tasks/task-42"));
        sent.RequestUri!.ToString().ShouldNotContain(ModellixClients.ApiKey);
        sent.Headers.Authorization!.Scheme.ShouldBe("Bearer");
        sent.Headers.Authorization.Parameter.ShouldBe(ModellixClients.ApiKey);
    }

    [Fact]
    public async Task Should_escape_a_task_id_so_it_stays_one_path_segment()
    {
        // Arrange
        var network = StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.Task("processing")));
        var client = ModellixClients.Over(network);

        // Act
        await client.GetTaskAsync("../admin?x=1", CancellationToken.None);

        // Assert
        var uri = network.Sent.ShouldHaveSingleItem().Message.RequestUri!;
        uri.AbsolutePath.ShouldBe("/api/v1/tasks/..%2Fadmin%3Fx%3D1");
        uri.Query.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_return_the_video_with_its_expiry_when_the_task_succeeded()
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.SucceededTask())));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Succeeded);
        status.RawStatus.ShouldBe("success");
        var video = status.Videos.ShouldHaveSingleItem();
        video.Url.ShouldBe(ModellixAnswers.VideoUrl);
        video.ExpiresAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(ModellixAnswers.ExpiresAtMs));
        video.Format.ShouldBe("mp4");
        video.Width.ShouldBe(320);
        video.Height.ShouldBe(240);
        status.FailureCode.ShouldBeNull();
        status.FailureMessage.ShouldBeNull();
    }

    [Fact]
    public async Task Should_fall_back_to_the_documented_24_hours_after_completion_without_result_expires_at()
    {
        // Arrange
        var body = $$$"""
            {"code":0,"message":"success","data":{"task_id":"task-42","status":"success",
             "result":{"resources":[{"url":"{{{ModellixAnswers.VideoUrl}}}","type":"video"}]},"completed_at":{{{ModellixAnswers.CompletedAtMs}}}}}
            """;
        var client = ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, body)));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.Videos.ShouldHaveSingleItem().ExpiresAt
            .ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(ModellixAnswers.CompletedAtMs) + TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Should_keep_only_the_video_resources()
    {
        // Arrange
        const string body = """
            {"code":0,"message":"success","data":{"task_id":"task-42","status":"success","result":{"resources":[
              {"url":"https://cdn.modellix.test/cover.jpg","type":"image"},
              {"url":"","type":"video"},
              {"url":"https://cdn.modellix.test/clip.mp4","type":"video"}]}}}
            """;
        var client = ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, body)));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.Videos.ShouldHaveSingleItem().Url.ShouldBe("https://cdn.modellix.test/clip.mp4");
    }

    [Fact]
    public async Task Should_report_the_error_text_when_the_task_failed()
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Answering(() =>
            ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.FailedTask("content policy violation"))));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Failed);
        status.FailureCode.ShouldBe("failed");
        status.FailureMessage.ShouldBe("content policy violation");
        status.Videos.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("pending", ProviderTaskState.Pending)]
    [InlineData("processing", ProviderTaskState.Processing)]
    [InlineData("success", ProviderTaskState.Succeeded)]
    [InlineData("failed", ProviderTaskState.Failed)]
    [InlineData("weird", ProviderTaskState.Unknown)]
    [InlineData("queued", ProviderTaskState.Pending)]
    [InlineData("running", ProviderTaskState.Processing)]
    [InlineData("succeeded", ProviderTaskState.Succeeded)]
    [InlineData("completed", ProviderTaskState.Succeeded)]
    [InlineData("error", ProviderTaskState.Failed)]
    [InlineData("canceled", ProviderTaskState.Failed)]
    [InlineData("SUCCESS", ProviderTaskState.Succeeded)]
    [InlineData("", ProviderTaskState.Unknown)]
    public async Task Should_map_the_status_string(string raw, ProviderTaskState expected)
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.Task(raw))));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(expected);
        status.RawStatus.ShouldBe(raw);
    }
}
