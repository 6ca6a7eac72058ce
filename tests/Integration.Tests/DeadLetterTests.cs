using System.Text.Json;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// A submit whose adapter throws faults the command into <c>generate-video_error</c> on the real broker. Whoever reads
/// that queue (operators, a redrive tool, the management UI) must not find a provider key there, even when the
/// exception quotes the request with its Authorization header.
/// </summary>
public sealed class When_a_submit_faults_into_the_error_queue(LeakyAdapterFixture platform) : IClassFixture<LeakyAdapterFixture>
{
    private const string ErrorQueue = "generate-video_error";

    [Fact]
    public async Task Should_leave_no_api_key_in_the_dead_letter()
    {
        // Arrange
        var id = Guid.NewGuid();

        // Act
        await platform.Bus.Publish(EndpointRequests.For(id, "modellix", LeakyModel.Name, "a lantern on a jetty"));
        var deadLetter = await DeadLetterForAsync(id, TimeSpan.FromSeconds(30));

        // Assert
        var headers = deadLetter.GetProperty("properties").GetProperty("headers").GetRawText();
        headers.ShouldContain("MT-Fault-Message", customMessage: "this is MassTransit's fault record");
        headers.ShouldContain(nameof(InvalidOperationException), customMessage: "what the adapter threw is still told");
        headers.ShouldContain("[redacted]", customMessage: "the adapter did quote the key");
        deadLetter.GetRawText().ShouldNotContain(platform.ModellixKey, customMessage: "the provider key is in the dead letter");
        deadLetter.GetRawText().ShouldNotContain(platform.ModellixKey[^16..], customMessage: "part of the provider key is in the dead letter");
    }

    private async Task<JsonElement> DeadLetterForAsync(Guid id, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            var found = (await platform.Infrastructure.PeekMessagesAsync(ErrorQueue))
                .FirstOrDefault(m => m.GetProperty("payload").GetString()!.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
            if (found.ValueKind != JsonValueKind.Undefined)
                return found;
            await Task.Delay(200);
        }
        throw new ShouldAssertException($"no dead letter for {id} in {ErrorQueue} within {within.TotalSeconds:0} s");
    }
}
