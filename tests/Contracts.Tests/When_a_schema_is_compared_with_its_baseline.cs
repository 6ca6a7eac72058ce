using System.Text.Json.Nodes;
using VideoPlatform.Contracts.Tests.Support;

namespace VideoPlatform.Contracts.Tests;

/// <summary>
/// The classification behind <see cref="When_a_contract_changes"/>: within a major version only optional fields may
/// be added. Each case edits today's schema the way a contract change would.
/// </summary>
public sealed class When_a_schema_is_compared_with_its_baseline
{
    private static readonly JsonObject TaskSubmittedToday = SchemaGenerator.For(typeof(TaskSubmitted));
    private static readonly JsonObject GenerateVideoToday = SchemaGenerator.For(typeof(GenerateVideo));

    [Fact]
    public void Should_call_a_removed_field_breaking()
    {
        // Arrange
        var current = Edited(TaskSubmittedToday, schema => schema["properties"]!.AsObject().Remove("estimatedSeconds"));

        // Act
        var changes = Baseline.Changes(typeof(TaskSubmitted), TaskSubmittedToday, current);

        // Assert
        changes.ShouldHaveSingleItem().ShouldBe(new SchemaChange("estimatedSeconds", "was removed", IsBreaking: true));
    }

    [Fact]
    public void Should_call_a_removed_nested_field_breaking()
    {
        // Arrange
        var current = Edited(GenerateVideoToday, schema => schema["properties"]!["options"]!["properties"]!.AsObject().Remove("callbackUrl"));

        // Act
        var changes = Baseline.Changes(typeof(GenerateVideo), GenerateVideoToday, current);

        // Assert
        changes.ShouldHaveSingleItem().ShouldBe(new SchemaChange("options.callbackUrl", "was removed", IsBreaking: true));
    }

    [Fact]
    public void Should_call_an_optional_field_made_required_breaking()
    {
        // Arrange
        var current = Edited(TaskSubmittedToday, schema => schema["required"]!.AsArray().Add("estimatedSeconds"));

        // Act
        var changes = Baseline.Changes(typeof(TaskSubmitted), TaskSubmittedToday, current);

        // Assert
        changes.ShouldHaveSingleItem().ShouldBe(new SchemaChange("estimatedSeconds", "became required", IsBreaking: true));
    }

    [Fact]
    public void Should_call_a_new_required_field_breaking()
    {
        // Arrange
        var current = Edited(GenerateVideoToday, schema =>
        {
            schema["properties"]!["urgency"] = new JsonObject { ["type"] = "integer" };
            schema["required"]!.AsArray().Add("urgency");
        });

        // Act
        var changes = Baseline.Changes(typeof(GenerateVideo), GenerateVideoToday, current);

        // Assert
        changes.ShouldHaveSingleItem().ShouldBe(new SchemaChange("urgency", "was added as required", IsBreaking: true));
    }

    [Fact]
    public void Should_call_a_changed_type_breaking()
    {
        // Arrange
        var current = Edited(TaskSubmittedToday, schema => schema["properties"]!["estimatedSeconds"]!["type"] = "string");

        // Act
        var changes = Baseline.Changes(typeof(TaskSubmitted), TaskSubmittedToday, current);

        // Assert
        changes.ShouldHaveSingleItem().IsBreaking.ShouldBeTrue();
    }

    [Fact]
    public void Should_call_a_required_event_field_made_optional_breaking()
    {
        // Arrange
        var current = Edited(TaskSubmittedToday, schema => schema["required"]!.AsArray().RemoveAt(0));

        // Act
        var changes = Baseline.Changes(typeof(TaskSubmitted), TaskSubmittedToday, current);

        // Assert
        changes.ShouldHaveSingleItem().IsBreaking.ShouldBeTrue();
    }

    [Fact]
    public void Should_let_a_required_command_field_become_optional()
    {
        // Arrange
        var current = Edited(GenerateVideoToday, schema => schema["required"]!.AsArray().Remove(schema["required"]!.AsArray().Single(name => (string)name! == "model")));

        // Act
        var changes = Baseline.Changes(typeof(GenerateVideo), GenerateVideoToday, current);

        // Assert
        changes.ShouldHaveSingleItem().ShouldBe(new SchemaChange("model", "is no longer required", IsBreaking: false));
    }

    [Fact]
    public void Should_call_a_new_optional_field_additive()
    {
        // Arrange
        var current = Edited(TaskSubmittedToday, schema => schema["properties"]!["thumbnailUrl"] = new JsonObject { ["type"] = new JsonArray("string", "null") });

        // Act
        var changes = Baseline.Changes(typeof(TaskSubmitted), TaskSubmittedToday, current);

        // Assert
        changes.ShouldHaveSingleItem().ShouldBe(new SchemaChange("thumbnailUrl", "was added as optional", IsBreaking: false));
    }

    [Fact]
    public void Should_release_a_breaking_change_once_the_major_version_is_bumped()
    {
        // Arrange: the baseline was written by the previous major version.
        var previousMajor = new Version(ContractsVersion.Current.Major - 1, 4, 0);
        var baseline = Edited(TaskSubmittedToday, schema => schema["$comment"] = SchemaVersion.Comment(previousMajor));
        var current = Edited(TaskSubmittedToday, schema => schema["properties"]!.AsObject().Remove("estimatedSeconds"));

        // Act
        var unreleased = Baseline.UnreleasedBreakingChanges(typeof(TaskSubmitted), baseline, current);

        // Assert
        unreleased.ShouldBeEmpty();
    }

    [Fact]
    public void Should_hold_a_breaking_change_within_the_same_major_version()
    {
        // Arrange
        var current = Edited(TaskSubmittedToday, schema => schema["properties"]!.AsObject().Remove("estimatedSeconds"));

        // Act
        var unreleased = Baseline.UnreleasedBreakingChanges(typeof(TaskSubmitted), TaskSubmittedToday, current);

        // Assert
        unreleased.ShouldHaveSingleItem().Path.ShouldBe("estimatedSeconds");
    }

    private static JsonObject Edited(JsonObject schema, Action<JsonObject> edit)
    {
        var copy = schema.DeepClone().AsObject();
        edit(copy);
        return copy;
    }
}
