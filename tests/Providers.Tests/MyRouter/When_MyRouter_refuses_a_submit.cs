using System.Net;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>Every documented MyRouter HTTP error, classified by what a retry of the paid submit would risk.</summary>
public sealed class When_MyRouter_refuses_a_submit
{
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/a.jpg", Prompt = "p" };

    [Theory]
    [InlineData(400, "INVALID_REQUEST_BODY", "duration must be 3-15", SubmitOutcomeKind.Rejected)]
    [InlineData(401, "INVALID_API_KEY", "invalid api key", SubmitOutcomeKind.Rejected)]
    [InlineData(403, "NOT_ENOUGH_BALANCE", "not enough balance", SubmitOutcomeKind.InsufficientBalance)]
    [InlineData(403, "FORBIDDEN", "Your balance is too low for this model", SubmitOutcomeKind.InsufficientBalance)]
    [InlineData(403, "PERMISSION_DENIED", "this key cannot use the model", SubmitOutcomeKind.Rejected)]
    [InlineData(404, "MODEL_NOT_FOUND", "no such model", SubmitOutcomeKind.Rejected)]
    [InlineData(429, "RATE_LIMIT_EXCEEDED", "too many requests", SubmitOutcomeKind.Retryable)]
    [InlineData(503, "SERVICE_UNAVAILABLE", "try later", SubmitOutcomeKind.Retryable)]
    [InlineData(500, "INTERNAL_SERVER_ERROR", "boom", SubmitOutcomeKind.Ambiguous)]
    [InlineData(502, "BAD_GATEWAY", "upstream", SubmitOutcomeKind.Ambiguous)]
    [InlineData(504, "GATEWAY_TIMEOUT", "upstream timeout", SubmitOutcomeKind.Ambiguous)]
    public async Task Should_classify_the_status(int status, string reason, string message, SubmitOutcomeKind expected)
    {
        // Arrange
        using var host = ProviderHost.Answering((HttpStatusCode)status, MyRouterAnswers.Error(status, reason, message));

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(expected);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Message.ShouldContain(reason);
        outcome.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Should_pass_on_the_retry_after_header(int status)
    {
        // Arrange
        using var host = ProviderHost.Answering((HttpStatusCode)status, MyRouterAnswers.Error(status, "RATE_LIMIT_EXCEEDED", "slow down"),
            r => r.Headers.Add("Retry-After", "12"));

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task Should_keep_the_raw_text_of_an_undocumented_error_body()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.BadGateway, "<html>nginx</html>");

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        outcome.Message.ShouldContain("<html>nginx</html>");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"task_id":""}""")]
    [InlineData("accepted")]
    public async Task Should_count_a_success_without_a_task_id_as_ambiguous(string body)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
    }
}
