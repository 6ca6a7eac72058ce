using System.Text.Json.Nodes;
using VideoPlatform.Contracts.Tests.Support;
using VideoPlatform.TestSupport;

namespace VideoPlatform.Contracts.Tests;

/// <summary>
/// contracts/schemas/ is generated from src/Contracts and checked in, so that other languages read the contract
/// without .NET; these tests keep the two equal and the changes compatible within a major version.
/// </summary>
public sealed class When_a_contract_changes
{
    public static TheoryData<string> Messages => ContractMessages.Names();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Should_have_its_schema_regenerated(string messageName)
    {
        // Arrange
        var message = ContractMessages.Named(messageName);
        var generated = SchemaGenerator.For(message);
        var checkedIn = CheckedInSchemas.Read(messageName);

        // Act
        var upToDate = checkedIn is not null && JsonNode.DeepEquals(generated, checkedIn);
        if (!upToDate && CheckedInSchemas.Updating)
        {
            var breaking = checkedIn is null ? [] : Baseline.UnreleasedBreakingChanges(message, checkedIn, generated);
            breaking.ShouldBeEmpty(Baseline.BumpMajorAdvice(message, breaking));
            CheckedInSchemas.Write(messageName, generated);
            return;
        }

        // Assert
        upToDate.ShouldBeTrue(StaleSchemaMessage(message, checkedIn, generated));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Should_stay_compatible_within_its_major_version(string messageName)
    {
        // Arrange
        var message = ContractMessages.Named(messageName);
        var generated = SchemaGenerator.For(message);
        // A message without a file yet has no baseline: the test above asks for its schema.
        var checkedIn = CheckedInSchemas.Read(messageName) ?? generated;

        // Act
        var breaking = Baseline.UnreleasedBreakingChanges(message, checkedIn, generated);

        // Assert
        breaking.ShouldBeEmpty(Baseline.BumpMajorAdvice(message, breaking));
    }

    [Fact]
    public void Should_leave_no_schema_for_a_message_that_is_gone()
    {
        // Act
        var orphans = CheckedInSchemas.Files()
            .Select(Path.GetFileNameWithoutExtension)
            .Except(ContractMessages.All.Select(type => type.Name))
            .ToList();

        // Assert
        orphans.ShouldBeEmpty(
            "these schemas describe no message of src/Contracts any more. Removing or renaming a message breaks its " +
            "publishers and consumers: bump the major version in src/Contracts/Contracts.csproj, then delete the files.");
    }

    private static string StaleSchemaMessage(Type message, JsonObject? checkedIn, JsonObject generated)
    {
        var path = Path.GetRelativePath(RepositoryRoot.Path, CheckedInSchemas.PathOf(message.Name));
        var changes = checkedIn is null
            ? "it is missing"
            : string.Join(Environment.NewLine, Baseline.Changes(message, checkedIn, generated).Select(change => $"  {change}").DefaultIfEmpty("  descriptions or other details differ"));
        return $"{path} does not match src/Contracts:{Environment.NewLine}{changes}{Environment.NewLine}" +
               $"Regenerate it with: {CheckedInSchemas.RegenerateCommand} (a BREAKING change needs the next major version first)";
    }
}
