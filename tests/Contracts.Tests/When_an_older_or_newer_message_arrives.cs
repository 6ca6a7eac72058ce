using System.Text.Json;
using System.Text.Json.Nodes;
using VideoPlatform.Contracts.Tests.Support;

namespace VideoPlatform.Contracts.Tests;

/// <summary>
/// The compatibility rule on the wire: a field added later is optional, so a message from an older sender still
/// reads; and a reader skips fields it does not know, so an event from a newer sender still reads.
/// </summary>
public sealed class When_an_older_or_newer_message_arrives
{
    public static TheoryData<string> Messages => ContractMessages.Names();

    public static TheoryData<string> EventsAndResponses => ContractMessages.EventAndResponseNames();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Should_read_a_message_that_has_only_the_required_fields(string messageName)
    {
        // Arrange
        var message = ContractMessages.Named(messageName);
        var schema = CheckedInSchemas.Read(messageName).ShouldNotBeNull();
        var older = WireEdits.WithoutOptionalFields(schema, JsonSerializer.SerializeToNode(SampleMessage.Create(message), message, WireJson.Options));

        // Act
        var read = older.Deserialize(message, WireJson.Options);

        // Assert
        var readAgain = WireEdits.WithoutOptionalFields(schema, JsonSerializer.SerializeToNode(read, message, WireJson.Options));
        JsonNode.DeepEquals(readAgain, older).ShouldBeTrue($"the required fields did not survive: {older!.ToJsonString()} became {readAgain!.ToJsonString()}");
    }

    [Fact]
    public void Should_read_a_generate_video_written_before_the_optional_fields_existed()
    {
        // Arrange
        const string older = """{ "requestId": "0b6c2a4e-5d2f-4b8e-9d0a-3f1e2c4b5a69", "model": "kling-v3-i2v" }""";

        // Act
        var command = JsonSerializer.Deserialize<GenerateVideo>(older, WireJson.Options).ShouldNotBeNull();

        // Assert
        command.Model.ShouldBe("kling-v3-i2v");
        command.Provider.ShouldBeNull();
        command.Options.ShouldBe(new VideoOptions());
    }

    [Theory]
    [MemberData(nameof(EventsAndResponses))]
    public void Should_read_an_event_with_fields_added_later(string messageName)
    {
        // Arrange
        var message = ContractMessages.Named(messageName);
        var schema = CheckedInSchemas.Read(messageName).ShouldNotBeNull();
        var today = JsonSerializer.SerializeToNode(SampleMessage.Create(message), message, WireJson.Options);
        var newer = WireEdits.WithFieldsAddedLater(schema, today);

        // Act
        var read = newer.Deserialize(message, WireJson.Options);

        // Assert
        JsonNode.DeepEquals(JsonSerializer.SerializeToNode(read, message, WireJson.Options), today).ShouldBeTrue();
    }

    [Fact]
    public void Should_not_read_a_command_without_its_request_id()
    {
        // Arrange
        const string withoutRequestId = """{ "model": "kling-v3-i2v", "options": { "prompt": "a paper boat" } }""";

        // Act
        var read = () => JsonSerializer.Deserialize<GenerateVideo>(withoutRequestId, WireJson.Options);

        // Assert: hence the platform answers such a command with the envelope's messageId (docs/contracts.md).
        read.ShouldThrow<JsonException>().Message.ShouldContain("requestId");
    }
}
