using System.Net;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>EvoLink's task answers in the platform's terms.</summary>
public sealed class When_EvoLink_reports_a_task
{
    private const string VideoUrl = "https://files.evolink.test/out/a.mp4";

    [Fact]
    public async Task Should_ask_the_task_route_with_the_escaped_id_and_the_key()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("pending"));

        // Act
        await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        var sent = host.Network.Single.Message;
        sent.Method.ShouldBe(HttpMethod.Get);
        sent.RequestUri.ShouldBe(new Uri($"{ProviderHost.EvoLinkBaseUrl}/v1/tasks/{EvoLinkAnswers.TaskId}"));
        sent.Headers.Authorization!.ToString().ShouldBe($"Bearer {ProviderHost.ApiKey}");
    }

    [Theory]
    [InlineData("pending", ProviderTaskState.Pending)]
    [InlineData("processing", ProviderTaskState.Processing)]
    [InlineData("completed", ProviderTaskState.Succeeded)]
    [InlineData("failed", ProviderTaskState.Failed)]
    [InlineData("cancelled", ProviderTaskState.Failed)]
    [InlineData("Processing", ProviderTaskState.Processing)]
    [InlineData("weird_status", ProviderTaskState.Unknown)]
    public async Task Should_map_the_status(string status, ProviderTaskState expected)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task(status));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(expected);
        result.RawStatus.ShouldBe(status);
    }

    [Fact]
    public async Task Should_carry_progress_and_the_estimate_while_running()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            EvoLinkAnswers.Task("processing", progress: 45, taskInfo: new { can_cancel = true, estimated_time = 120 }));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.ProgressPercent.ShouldBe(45);
        result.EstimatedTotalSeconds.ShouldBe(120);
        result.EtaSeconds.ShouldBeNull("estimated_time is the whole generation's estimate, not the time left");
        result.Videos.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_take_every_result_link_with_24_hours_from_first_seen_as_the_answer_has_no_completion_time()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            EvoLinkAnswers.Task("completed", progress: 100, results: new[] { VideoUrl, "https://files.evolink.test/out/b.mp4" }));
        var before = DateTimeOffset.UtcNow;

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded);
        result.ProgressPercent.ShouldBe(100);
        result.EstimatedTotalSeconds.ShouldBeNull();
        result.Videos.Select(v => v.Url).ShouldBe([VideoUrl, "https://files.evolink.test/out/b.mp4"]);
        foreach (var video in result.Videos)
            video.ExpiresAt.ShouldNotBeNull().ShouldBeInRange(before.AddHours(24), DateTimeOffset.UtcNow.AddHours(24));
    }

    [Fact]
    public async Task Should_report_the_error_code_and_message_of_a_failed_task()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("failed",
            error: new { code = "content_policy_violation", message = "The input image was rejected by the content policy" }));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Failed);
        result.FailureCode.ShouldBe("content_policy_violation");
        result.FailureMessage.ShouldBe("The input image was rejected by the content policy");
        result.EstimatedTotalSeconds.ShouldBeNull();
    }

    [Fact]
    public async Task Should_name_the_status_when_a_failed_task_carries_no_error()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("failed"));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.FailureCode.ShouldBe("failed");
        result.FailureMessage.ShouldBe("EvoLink reported the task as failed");
    }

    [Fact]
    public async Task Should_report_task_not_found_or_expired_as_not_found()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.NotFound, EvoLinkAnswers.Error(404, "Task not found or expired", "not_found_error"));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.NotFound);
    }

    [Fact]
    public async Task Should_ask_again_when_the_answer_is_not_json()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, "<html>bad gateway</html>");

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Unreachable);
    }
}
