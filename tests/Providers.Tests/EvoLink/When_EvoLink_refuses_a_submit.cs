using System.Net;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>Every documented EvoLink HTTP error, classified by what a retry of the paid submit would risk.</summary>
public sealed class When_EvoLink_refuses_a_submit
{
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/a.jpg", Prompt = "p" };

    [Theory]
    [InlineData(400, "invalid_request_error", SubmitOutcomeKind.Rejected)]
    [InlineData(401, "authentication_error", SubmitOutcomeKind.Rejected)]
    [InlineData(402, "insufficient_quota", SubmitOutcomeKind.InsufficientBalance)]
    [InlineData(403, "permission_error", SubmitOutcomeKind.Rejected)]
    [InlineData(404, "not_found_error", SubmitOutcomeKind.Rejected)]
    [InlineData(413, "request_too_large", SubmitOutcomeKind.Rejected)]
    [InlineData(429, "rate_limit_error", SubmitOutcomeKind.Retryable)]
    [InlineData(503, "service_unavailable_error", SubmitOutcomeKind.Retryable)]
    [InlineData(500, "internal_error", SubmitOutcomeKind.Ambiguous)]
    [InlineData(502, "bad_gateway", SubmitOutcomeKind.Ambiguous)]
    public async Task Should_classify_the_status(int status, string type, SubmitOutcomeKind expected)
    {
        // Arrange
        using var host = ProviderHost.Answering((HttpStatusCode)status, EvoLinkAnswers.Error(status, "what went wrong", type));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(expected);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Message.ShouldContain(type);
        outcome.Message.ShouldContain("what went wrong");
    }

    [Fact]
    public async Task Should_prefer_the_retry_after_header()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.TooManyRequests,
            EvoLinkAnswers.Error(429, "Rate limit exceeded", "rate_limit_error", "retry after 60 seconds"),
            r => r.Headers.Add("Retry-After", "5"));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("Rate limit exceeded", "retry after 60 seconds", 60)]
    [InlineData("Rate limit exceeded, Retry after 30 seconds", "", 30)]
    [InlineData("Service busy", "please retry after 2s", 2)]
    public async Task Should_read_the_wait_from_the_words_without_a_header(string message, string suggestion, int seconds)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.TooManyRequests,
            EvoLinkAnswers.Error(429, message, "rate_limit_error", suggestion));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task Should_leave_the_wait_open_when_nothing_names_one()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.ServiceUnavailable,
            EvoLinkAnswers.Error(503, "Service unavailable", "service_unavailable_error", "retry later"));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"id":"","status":"pending"}""")]
    [InlineData("accepted")]
    public async Task Should_count_a_success_without_a_task_id_as_ambiguous(string body)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, body);

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
    }
}
