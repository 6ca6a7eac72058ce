namespace VideoPlatform.Contracts;

/// <summary>One broken rule: which field, which rule, and a message a person can act on.</summary>
public record RuleViolation
{
    /// <summary>The field as the provider names it (e.g. <c>duration</c>), or <c>provider</c>/<c>model</c>.</summary>
    public required string Field { get; init; }

    /// <summary>A stable rule code, e.g. <c>required</c>, <c>range</c>, <c>enum</c>, <c>length</c>, <c>unknown_model</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>What is wrong and what is allowed.</summary>
    public required string Message { get; init; }
}
