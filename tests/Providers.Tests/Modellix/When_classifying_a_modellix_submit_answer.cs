using System.Net;
using System.Text.Json;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// <see cref="ModellixErrors.ClassifySubmit"/> on its own: each documented HTTP answer maps to the outcome kind
/// that says whether a retry could bill twice. (How a 200 it cannot read becomes Ambiguous is covered through
/// the client in <see cref="When_modellix_answers_a_submit_with_an_undocumented_body"/>.)
/// </summary>
public sealed class When_classifying_a_modellix_submit_answer
{
    [Fact]
    public void Should_accept_a_200_with_code_0_and_a_task_id()
    {
        // Arrange
        using var response = ModellixAnswers.Response(HttpStatusCode.OK, ModellixAnswers.Accepted("task-v3-i2v-123"));

        // Act
        var outcome = ModellixErrors.ClassifySubmit(response, ModellixAnswers.Accepted("task-v3-i2v-123"));

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted);
        outcome.ProviderTaskId.ShouldBe("task-v3-i2v-123");
    }

    public static TheoryData<string, string> UnreadableSuccesses => new()
    {
        { "non-zero code", """{"code":1001,"message":"weird","data":{"status":"pending","task_id":"task-1"}}""" },
        { "no task id", """{"code":0,"message":"success","data":{"status":"pending"}}""" },
        { "empty task id", """{"code":0,"message":"success","data":{"status":"pending","task_id":""}}""" },
        { "no data", """{"code":0,"message":"success"}""" },
        { "JSON null", "null" },
        { "not JSON", "<html>gateway</html>" },
    };

    [Theory]
    [MemberData(nameof(UnreadableSuccesses))]
    public void Should_refuse_to_read_a_200_that_is_not_the_documented_acceptance(string situation, string body)
    {
        // Arrange
        using var response = ModellixAnswers.Response(HttpStatusCode.OK, body);

        // Act
        var classify = () => ModellixErrors.ClassifySubmit(response, body);

        // Assert
        classify.ShouldThrow<JsonException>(situation);
    }

    [Theory]
    [InlineData(400, "Bad Request: prompt is required")]
    [InlineData(401, "Unauthorized: invalid API key")]
    [InlineData(404, "Not Found: model not found")]
    public void Should_reject_a_client_error_for_good(int status, string message)
    {
        // Arrange
        var body = ModellixAnswers.Error(status, message);
        using var response = ModellixAnswers.Response((HttpStatusCode)status, body);

        // Act
        var outcome = ModellixErrors.ClassifySubmit(response, body);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Rejected);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Message.ShouldContain(message);
        outcome.ProviderTaskId.ShouldBeNull();
    }

    [Fact]
    public void Should_report_402_as_insufficient_balance()
    {
        // Arrange
        var body = ModellixAnswers.Error(402, "Payment Required: insufficient balance");
        using var response = ModellixAnswers.Response(HttpStatusCode.PaymentRequired, body);

        // Act
        var outcome = ModellixErrors.ClassifySubmit(response, body);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.InsufficientBalance);
        outcome.HttpStatus.ShouldBe(402);
        outcome.Message.ShouldContain("insufficient balance");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void Should_be_retryable_with_the_advertised_delay(int status)
    {
        // Arrange
        var body = ModellixAnswers.Error(status, "Too Many Requests: concurrency limit");
        using var response = ModellixAnswers.Response((HttpStatusCode)status, body, retryAfterSeconds: 7);

        // Act
        var outcome = ModellixErrors.ClassifySubmit(response, body);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.HttpStatus.ShouldBe(status);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void Should_take_the_delay_from_x_ratelimit_reset_when_there_is_no_retry_after()
    {
        // Arrange
        var body = ModellixAnswers.Error(429, "Too Many Requests: rate limit");
        using var response = ModellixAnswers.Response(HttpStatusCode.TooManyRequests, body);
        response.Headers.Add("x-ratelimit-reset", "30");

        // Act
        var outcome = ModellixErrors.ClassifySubmit(response, body);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Should_be_retryable_without_a_delay_when_none_is_advertised()
    {
        // Arrange
        var body = ModellixAnswers.Error(429, "Too Many Requests: rate limit");
        using var response = ModellixAnswers.Response(HttpStatusCode.TooManyRequests, body);

        // Act
        var outcome = ModellixErrors.ClassifySubmit(response, body);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public void Should_be_ambiguous_on_a_server_error_that_may_follow_acceptance(int status)
    {
        // Arrange
        var body = ModellixAnswers.Error(status, "Internal Server Error: upstream failed");
        using var response = ModellixAnswers.Response((HttpStatusCode)status, body);

        // Act
        var outcome = ModellixErrors.ClassifySubmit(response, body);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Message.ShouldContain("upstream failed");
    }

    [Fact]
    public void Should_quote_an_error_body_that_is_not_json()
    {
        // Arrange
        const string body = "<html>Bad Gateway</html>";
        using var response = ModellixAnswers.Response(HttpStatusCode.BadRequest, body);

        // Act
        var outcome = ModellixErrors.ClassifySubmit(response, body);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Rejected);
        outcome.Message.ShouldContain(body);
    }
}
