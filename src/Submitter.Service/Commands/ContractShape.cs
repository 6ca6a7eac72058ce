using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter.Commands;

/// <summary>
/// Compares a message's raw JSON with its contract type, as the bus's serializer would read it, and names every field
/// that does not fit: the wrong JSON type, a null list item, a missing required field, or a field the contract does not
/// have. The serializer itself stops at the first fault and ignores unknown fields, so a caller would learn nothing,
/// or pay for a video made without an option it named in its own spelling.
/// </summary>
public static class ContractShape
{
    public static class Rules
    {
        public const string Type = "type";
        public const string Required = "required";
        public const string NullItem = "null_item";
        public const string UnknownField = "unknown_field";
        public const string TooManyViolations = "too_many_violations";
    }

    /// <summary>Violations listed at most: a small command of many bad fields must not make a rejection the broker refuses.</summary>
    public const int MaxViolations = 50;

    /// <summary>Longest field name echoed back: the name is the caller's own text.</summary>
    private const int MaxNameLength = 64;

    public static IReadOnlyList<RuleViolation> Check(JsonNode? node, Type contract, JsonSerializerOptions options)
    {
        var violations = new Violations();
        Check(node, options.GetTypeInfo(contract), options, "", violations);
        if (violations.Dropped > 0)
            violations.Add(new RuleViolation
            {
                Field = "message",
                Rule = Rules.TooManyViolations,
                Message = $"{violations.Dropped} more problems not listed; fix the ones above first",
            });
        return violations;
    }

    /// <summary>Keeps the first <see cref="MaxViolations"/> and counts the rest.</summary>
    private sealed class Violations : List<RuleViolation>
    {
        public int Dropped { get; private set; }

        public void Note(RuleViolation violation)
        {
            if (Count < MaxViolations)
                Add(violation);
            else
                Dropped++;
        }
    }

    private static void Check(JsonNode? node, JsonTypeInfo type, JsonSerializerOptions options, string path, Violations violations)
    {
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject fields:
                CheckFields(fields, type, options, path, violations);
                break;
            case JsonTypeInfoKind.Enumerable when node is JsonArray items:
                CheckItems(items, options.GetTypeInfo(type.ElementType!), options, path, violations);
                break;
            case JsonTypeInfoKind.Object or JsonTypeInfoKind.Enumerable:
                violations.Note(WrongType(path, type, node));
                break;
            default:
                if (!Reads(node, type.Type, options))
                    violations.Note(WrongType(path, type, node));
                break;
        }
    }

    private static void CheckFields(JsonObject fields, JsonTypeInfo type, JsonSerializerOptions options, string path, Violations violations)
    {
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (name, value) in fields)
        {
            var property = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison));
            if (property is null)
                violations.Note(Unknown(Join(path, Shorten(name)), name, type));
            else if (value is null)
            {
                // The contract's nullability, as the schemas state it: null only where a field is declared nullable.
                if (property.IsRequired)
                    violations.Note(Missing(Join(path, property.Name)));
                else if (!property.IsSetNullable)
                    violations.Note(WrongType(Join(path, property.Name), options.GetTypeInfo(property.PropertyType), null));
            }
            else
                Check(value, options.GetTypeInfo(property.PropertyType), options, Join(path, property.Name), violations);
        }

        foreach (var required in type.Properties.Where(p => p.IsRequired))
            if (!fields.Any(f => string.Equals(f.Key, required.Name, comparison)))
                violations.Note(Missing(Join(path, required.Name)));
    }

    private static void CheckItems(JsonArray items, JsonTypeInfo itemType, JsonSerializerOptions options, string path, Violations violations)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is null)
                violations.Note(new RuleViolation { Field = itemPath, Rule = Rules.NullItem, Message = $"{itemPath} is null; leave it out instead" });
            else
                Check(items[i], itemType, options, itemPath, violations);
        }
    }

    private static bool Reads(JsonNode? node, Type type, JsonSerializerOptions options)
    {
        try
        {
            node.Deserialize(type, options);
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    private static RuleViolation WrongType(string path, JsonTypeInfo type, JsonNode? sent) => new()
    {
        Field = path.Length == 0 ? "message" : path,
        Rule = Rules.Type,
        Message = $"{(path.Length == 0 ? "the message" : path)} must be {Expected(type)}, got {Describe(sent)}",
    };

    private static RuleViolation Missing(string path) =>
        new() { Field = path, Rule = Rules.Required, Message = $"{path} is required" };

    /// <summary>Names the contract field a provider's spelling stands for (<c>aspect_ratio</c> is <c>aspectRatio</c>).</summary>
    private static RuleViolation Unknown(string path, string name, JsonTypeInfo type)
    {
        var meant = type.Properties.FirstOrDefault(p => Squash(p.Name) == Squash(name));
        var known = string.Join(", ", type.Properties.Select(p => p.Name));
        return new RuleViolation
        {
            Field = path,
            Rule = Rules.UnknownField,
            Message = meant is not null
                ? $"{path} is not a field of the contract; use {meant.Name}"
                : $"{path} is not a field of the contract (known here: {known})",
        };
    }

    /// <summary>The caller's field name made safe to echo: cut short, control characters replaced.</summary>
    private static string Shorten(string name)
    {
        var safe = new string(name.Select(c => char.IsControl(c) ? '?' : c).Take(MaxNameLength).ToArray());
        return name.Length > MaxNameLength ? safe + "…" : safe;
    }

    private static string Squash(string name) => name.Replace("_", "").Replace("-", "").ToLowerInvariant();

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Expected(JsonTypeInfo type)
    {
        var plain = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return type.Kind switch
        {
            JsonTypeInfoKind.Object => "a JSON object",
            JsonTypeInfoKind.Enumerable => "a JSON array",
            _ when plain == typeof(string) => "a string",
            _ when plain == typeof(bool) => "true or false",
            _ when plain == typeof(Guid) => "a UUID string",
            _ when plain == typeof(DateTimeOffset) || plain == typeof(DateTime) => "an ISO 8601 date-time string",
            _ when plain == typeof(int) || plain == typeof(long) => "a whole number",
            _ when plain == typeof(double) || plain == typeof(decimal) || plain == typeof(float) => "a number",
            _ => $"a {plain.Name}",
        };
    }

    private static string Describe(JsonNode? sent)
    {
        if (sent is null)
            return "null";
        var kind = sent.GetValueKind() switch
        {
            JsonValueKind.String => "the string",
            JsonValueKind.Number => "the number",
            JsonValueKind.True or JsonValueKind.False => "the boolean",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "",
        };
        if (sent.GetValueKind() is JsonValueKind.Array or JsonValueKind.Object)
            return kind;
        // The caller's own value, cut short: enough to find it, never a whole base64 image in a log line.
        var text = sent.ToJsonString();
        return $"{kind} {(text.Length > 40 ? text[..40] + "…" : text)}".Trim();
    }
}
