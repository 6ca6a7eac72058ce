namespace VideoPlatform.Providers.Tests.Support;

/// <summary>
/// One row of a validation table: options and the exact (field, rule) pairs they must break. Tables are keyed
/// by name so each row shows up as its own test case under a readable name.
/// </summary>
internal sealed record ViolationCase(VideoOptions Options, params (string Field, string Rule)[] Expected)
{
    public static TheoryData<string> Names(IReadOnlyDictionary<string, ViolationCase> table) => new(table.Keys);

    public void ShouldMatch(IReadOnlyList<RuleViolation> violations) =>
        violations.Select(v => (v.Field, v.Rule)).ShouldBe(Expected, ignoreOrder: true,
            customMessage: string.Join("; ", violations.Select(v => $"{v.Field}/{v.Rule}: {v.Message}")));
}
