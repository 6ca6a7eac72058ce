using System.Text.Json;
using System.Text.Json.Nodes;
using VideoPlatform.Contracts.Tests.Support;

namespace VideoPlatform.Contracts.Tests;

/// <summary>A schema is only worth checking in if it describes what MassTransit really writes.</summary>
public sealed class When_a_message_goes_on_the_wire
{
    public static TheoryData<string> Messages => ContractMessages.Names();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Should_have_a_checked_in_schema_that_is_valid_json_and_names_the_message(string messageName)
    {
        // Act
        var schema = JsonNode.Parse(File.ReadAllText(CheckedInSchemas.PathOf(messageName)))!.AsObject();

        // Assert
        ((string?)schema["$schema"]).ShouldBe(SchemaGenerator.Draft);
        ((string?)schema["$id"]).ShouldBe($"urn:message:VideoPlatform.Contracts:{messageName}");
        ((string?)schema["title"]).ShouldBe(messageName);
        ((string?)schema["type"]).ShouldBe("object");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Should_carry_exactly_the_fields_its_schema_lists(string messageName)
    {
        // Arrange
        var message = ContractMessages.Named(messageName);
        var schema = CheckedInSchemas.Read(messageName).ShouldNotBeNull();

        // Act
        var wire = JsonSerializer.SerializeToNode(SampleMessage.Create(message), message, WireJson.Options);

        // Assert
        WireShape.Mismatches(schema, wire).ShouldBeEmpty();
    }

    [Fact]
    public void Should_forbid_unknown_fields_only_where_the_platform_refuses_them()
    {
        // Act
        var closed = ContractMessages.All
            .Where(message => CheckedInSchemas.Read(message.Name)!["additionalProperties"]?.GetValue<bool>() == false)
            .ToHashSet();

        // Assert
        closed.ShouldBe(ContractMessages.RefuseUnknownFields, ignoreOrder: true);
    }
}
