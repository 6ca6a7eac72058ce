using System.Net;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>Queries are free to repeat: every failure is "ask again later", except 404, which the caller counts.</summary>
public sealed class When_a_modellix_task_query_gets_no_usable_answer
{
    [Fact]
    public async Task Should_report_not_found_on_404()
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Answering(() =>
            ModellixAnswers.Response(HttpStatusCode.NotFound, ModellixAnswers.Error(404, "Not Found: task not found or expired"))));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.NotFound);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(401)]
    public async Task Should_be_unreachable_on_another_http_error(int code)
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Answering(() =>
            ModellixAnswers.Response((HttpStatusCode)code, ModellixAnswers.Error(code, "Server Error: try later"))));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Unreachable);
        status.FailureMessage.ShouldNotBeNull().ShouldContain(code.ToString());
        status.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"code":0,"message":"success","data":{"task_id":""")]
    [InlineData("<html>gateway</html>")]
    [InlineData("""{"code":0,"message":"success"}""")]
    public async Task Should_be_unreachable_on_a_200_it_cannot_read(string body)
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, body)));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Unreachable);
    }

    [Fact]
    public async Task Should_be_unreachable_when_the_connection_fails()
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Throwing(new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Unreachable);
    }

    [Fact]
    public async Task Should_be_unreachable_when_no_answer_arrives_within_the_query_timeout()
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Hanging(), o => o.QueryTimeoutSeconds = 1);

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Unreachable);
        status.FailureMessage.ShouldNotBeNull().ShouldContain("1 s");
    }
}
