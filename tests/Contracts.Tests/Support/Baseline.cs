using System.Text.Json.Nodes;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>The checked-in schemas are the baseline of the current major version: what published code relies on.</summary>
internal static class Baseline
{
    public static IReadOnlyList<SchemaChange> Changes(Type message, JsonObject baseline, JsonObject current) =>
        SchemaChange.Between(SchemaFields.Of(baseline), SchemaFields.Of(current), ContractMessages.Commands.Contains(message));

    /// <summary>Breaking changes still waiting for a major version bump; once bumped, the old baseline binds nobody.</summary>
    public static IReadOnlyList<SchemaChange> UnreleasedBreakingChanges(Type message, JsonObject baseline, JsonObject current) =>
        SchemaVersion.Of(baseline).Major < ContractsVersion.Current.Major
            ? []
            : [.. Changes(message, baseline, current).Where(change => change.IsBreaking)];

    public static string BumpMajorAdvice(Type message, IEnumerable<SchemaChange> breaking) =>
        $"{message.Name} changed incompatibly with VideoPlatform.Contracts {ContractsVersion.Current.Major}.x:{Environment.NewLine}" +
        string.Join(Environment.NewLine, breaking.Select(change => $"  {change}")) + Environment.NewLine +
        "Within a major version a message may only gain optional fields (docs/contracts.md). Make the change additive, " +
        $"or bump <Version> in src/Contracts/Contracts.csproj to the next major version and run {CheckedInSchemas.RegenerateCommand}.";
}
