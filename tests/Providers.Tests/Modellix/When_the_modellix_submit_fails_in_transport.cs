using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// Transport failures on a paid call: only a failure before the connection existed is safe to retry;
/// anything that may have reached Modellix is Ambiguous, so it is never billed twice.
/// </summary>
public sealed class When_the_modellix_submit_fails_in_transport
{
    private const string Route = "/api/v1/kling/kling-v3-i2v/async";

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    public async Task Should_be_retryable_when_the_connection_was_never_made(HttpRequestError error)
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Throwing(new HttpRequestException(error, "connection refused")));

        // Act
        var outcome = await client.SubmitAsync(Route, Body(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Retryable);
        outcome.ProviderTaskId.ShouldBeNull();
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.InvalidResponse)]
    [InlineData(HttpRequestError.Unknown)]
    public async Task Should_be_ambiguous_when_the_connection_broke_after_sending(HttpRequestError error)
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Throwing(new HttpRequestException(error, "connection reset")));

        // Act
        var outcome = await client.SubmitAsync(Route, Body(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
    }

    [Fact]
    public async Task Should_be_ambiguous_when_the_handler_gives_up_with_a_cancellation()
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Throwing(new TaskCanceledException("the request timed out")));

        // Act
        var outcome = await client.SubmitAsync(Route, Body(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
    }

    [Fact]
    public async Task Should_be_ambiguous_when_no_answer_arrives_within_the_submit_timeout()
    {
        // Arrange
        var network = StubHttpHandler.Hanging();
        var client = ModellixClients.Over(network, o => o.SubmitTimeoutSeconds = 1);

        // Act
        var outcome = await client.SubmitAsync(Route, Body(), Guid.NewGuid(), CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        outcome.Message.ShouldContain("1 s");
        network.Sent.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Should_let_the_callers_own_cancellation_through()
    {
        // Arrange
        var client = ModellixClients.Over(StubHttpHandler.Hanging(), o => o.SubmitTimeoutSeconds = 600);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        // Act
        var submit = () => client.SubmitAsync(Route, Body(), Guid.NewGuid(), caller.Token);

        // Assert
        await submit.ShouldThrowAsync<OperationCanceledException>();
    }

    private static JsonObject Body() => new() { ["image"] = "https://example.com/a.jpg", ["prompt"] = "a cat" };
}
