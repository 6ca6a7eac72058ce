using System.Net;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>MyRouter's task-result answers in the platform's terms.</summary>
public sealed class When_MyRouter_reports_a_task
{
    [Fact]
    public async Task Should_ask_the_task_result_route_with_the_escaped_id_and_the_key()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, MyRouterAnswers.TaskResult("TASK_STATUS_QUEUED"));

        // Act
        await host.MyRouter.QueryAsync("id with/slash", CancellationToken.None);

        // Assert
        var sent = host.Network.Single.Message;
        sent.Method.ShouldBe(HttpMethod.Get);
        sent.RequestUri!.AbsoluteUri.ShouldBe($"{ProviderHost.MyRouterBaseUrl}/v3/async/task-result?task_id=id%20with%2Fslash");
        sent.Headers.Authorization!.ToString().ShouldBe($"Bearer {ProviderHost.ApiKey}");
    }

    [Theory]
    [InlineData("TASK_STATUS_QUEUED", ProviderTaskState.Pending)]
    [InlineData("TASK_STATUS_PROCESSING", ProviderTaskState.Processing)]
    [InlineData("TASK_STATUS_SUCCEED", ProviderTaskState.Succeeded)]
    [InlineData("TASK_STATUS_FAILED", ProviderTaskState.Failed)]
    [InlineData("TASK_STATUS_CANCELED", ProviderTaskState.Failed)]
    [InlineData("task_status_processing", ProviderTaskState.Processing)]
    [InlineData("TASK_STATUS_PAUSED", ProviderTaskState.Unknown)]
    [InlineData("", ProviderTaskState.Unknown)]
    public async Task Should_map_the_status(string status, ProviderTaskState expected)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, MyRouterAnswers.TaskResult(status));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(expected);
        result.RawStatus.ShouldBe(status);
    }

    [Fact]
    public async Task Should_carry_progress_and_eta_while_running()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, MyRouterAnswers.TaskResult("TASK_STATUS_PROCESSING", eta: 95, progress: 40));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.ProgressPercent.ShouldBe(40);
        result.EtaSeconds.ShouldBe(95);
        result.Videos.ShouldBeEmpty();
        result.FailureMessage.ShouldBeNull();
    }

    [Fact]
    public async Task Should_give_the_video_an_expiry_of_now_plus_the_string_ttl()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            MyRouterAnswers.TaskResult("TASK_STATUS_SUCCEED", progress: 100, videos: [MyRouterAnswers.Video("3600")]));
        var before = DateTimeOffset.UtcNow;

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        var video = result.Videos.ShouldHaveSingleItem();
        video.Url.ShouldBe(MyRouterAnswers.VideoUrl);
        video.Format.ShouldBe("mp4");
        video.ExpiresAt.ShouldNotBeNull().ShouldBeInRange(before.AddSeconds(3600), DateTimeOffset.UtcNow.AddSeconds(3600));
        result.ProgressPercent.ShouldBe(100);
    }

    [Fact]
    public async Task Should_accept_a_ttl_sent_as_a_number()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            MyRouterAnswers.TaskResult("TASK_STATUS_SUCCEED", videos: [MyRouterAnswers.Video(86400)]));
        var before = DateTimeOffset.UtcNow;

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.Videos.ShouldHaveSingleItem().ExpiresAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(before.AddSeconds(86400));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task Should_leave_the_expiry_unknown_when_the_ttl_says_nothing_usable(string? ttl)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            MyRouterAnswers.TaskResult("TASK_STATUS_SUCCEED", videos: [MyRouterAnswers.Video(ttl)]));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        var video = result.Videos.ShouldHaveSingleItem();
        video.Url.ShouldBe(MyRouterAnswers.VideoUrl);
        video.ExpiresAt.ShouldBeNull();
    }

    [Fact]
    public async Task Should_report_the_reason_of_a_failed_task()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            MyRouterAnswers.TaskResult("TASK_STATUS_FAILED", reason: "content moderation failed: the input image was rejected"));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Failed);
        result.FailureCode.ShouldBe("TASK_STATUS_FAILED");
        result.FailureMessage.ShouldBe("content moderation failed: the input image was rejected");
    }

    [Fact]
    public async Task Should_name_the_status_when_a_cancelled_task_gives_no_reason()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, MyRouterAnswers.TaskResult("TASK_STATUS_CANCELED"));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.FailureCode.ShouldBe("TASK_STATUS_CANCELED");
        result.FailureMessage.ShouldBe("MyRouter reported the task as TASK_STATUS_CANCELED");
    }

    [Fact]
    public async Task Should_report_a_404_as_not_found()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.NotFound, MyRouterAnswers.Error(404, "TASK_NOT_FOUND", "no such task"));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.NotFound);
    }

    [Fact]
    public async Task Should_ask_again_after_the_retry_after_of_a_429()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.TooManyRequests, MyRouterAnswers.Error(429, "RATE_LIMIT_EXCEEDED", "slow down"),
            r => r.Headers.Add("Retry-After", "7"));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Unreachable);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"videos":[]}""")]
    public async Task Should_ask_again_when_the_answer_is_not_the_documented_shape(string body)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Unreachable);
    }
}
