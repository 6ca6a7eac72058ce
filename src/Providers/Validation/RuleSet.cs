using System.Globalization;
using VideoPlatform.Contracts;

namespace VideoPlatform.Providers.Validation;

/// <summary>
/// Collects rule violations with the provider's field names, so a rejection says exactly which field broke
/// which documented rule. Each check passes when the field is absent unless it is a <c>Required</c> check.
/// </summary>
public sealed class RuleSet
{
    private readonly List<RuleViolation> _violations = [];

    public IReadOnlyList<RuleViolation> Violations => _violations;

    public RuleSet Violation(string field, string rule, string message)
    {
        _violations.Add(new RuleViolation { Field = field, Rule = rule, Message = message });
        return this;
    }

    public RuleSet Required(string field, object? value) =>
        IsMissing(value) ? Violation(field, "required", $"{field} is required") : this;

    public RuleSet Length(string field, string? value, int min, int max) =>
        value is not null && (value.Length < min || value.Length > max)
            ? Violation(field, "length", $"{field} must be {min}–{max} characters, got {value.Length}")
            : this;

    public RuleSet Range(string field, double? value, double min, double max) =>
        value is { } v && (double.IsNaN(v) || v < min || v > max)
            ? Violation(field, "range", $"{field} must be between {Format(min)} and {Format(max)}, got {Format(v)}")
            : this;

    public RuleSet OneOf(string field, string? value, params string[] allowed) =>
        value is not null && !allowed.Contains(value, StringComparer.Ordinal)
            ? Violation(field, "enum", $"{field} must be one of {string.Join(", ", allowed)}, got '{value}'")
            : this;

    public RuleSet OneOf(string field, int? value, params int[] allowed) =>
        value is { } v && !allowed.Contains(v)
            ? Violation(field, "enum", $"{field} must be one of {string.Join(", ", allowed)}, got {v}")
            : this;

    public RuleSet Count<T>(string field, IReadOnlyCollection<T>? items, int min, int max) =>
        items is not null && (items.Count < min || items.Count > max)
            ? Violation(field, "count", min == max
                ? $"{field} must have exactly {min} item(s), got {items.Count}"
                : $"{field} must have {min}–{max} items, got {items.Count}")
            : this;

    /// <summary>Every item of a list must be a non-empty string (a URL or base64).</summary>
    public RuleSet NoEmptyItems(string field, IEnumerable<string>? items) =>
        items is not null && items.Any(string.IsNullOrWhiteSpace)
            ? Violation(field, "length", $"every {field} item must be non-empty")
            : this;

    /// <summary>A field this endpoint does not accept at all.</summary>
    public RuleSet Unsupported(string field, object? value, string endpoint) =>
        IsMissing(value) ? this : Violation(field, "unsupported", $"{field} is not supported by {endpoint}");

    /// <summary>A conditional rule of the documentation, e.g. "sound must be off when videos is present".</summary>
    public RuleSet When(bool broken, string field, string rule, string message) =>
        broken ? Violation(field, rule, message) : this;

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        System.Collections.ICollection c => c.Count == 0,
        _ => false,
    };

    private static string Format(double v) => v.ToString(CultureInfo.InvariantCulture);
}
