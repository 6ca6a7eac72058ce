namespace VideoPlatform.Providers.Tests.Support;

internal static class ViolationAssertions
{
    public static void ShouldBeValid(this IReadOnlyList<RuleViolation> violations) =>
        violations.ShouldBeEmpty(Describe(violations));

    /// <summary>
    /// The rule is reported, with a message, and nothing is reported about any other field: a row breaks one
    /// field, so a violation elsewhere would mean the row passes for the wrong reason.
    /// </summary>
    public static void ShouldReport(this IReadOnlyList<RuleViolation> violations, string field, string rule)
    {
        var hit = violations.FirstOrDefault(v => v.Field == field && v.Rule == rule);
        hit.ShouldNotBeNull($"expected {field}/{rule}; {Describe(violations)}");
        hit.Message.ShouldNotBeNullOrWhiteSpace();
        violations.ShouldAllBe(v => v.Field == field, Describe(violations));
    }

    private static string Describe(IReadOnlyList<RuleViolation> violations) =>
        violations.Count == 0
            ? "no violations"
            : "violations: " + string.Join("; ", violations.Select(v => $"{v.Field}/{v.Rule}: {v.Message}"));
}
