namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>How a message's schema differs from its checked-in baseline, and whether old readers or senders break.</summary>
internal sealed record SchemaChange(string Path, string What, bool IsBreaking)
{
    public override string ToString() => $"{(IsBreaking ? "BREAKING" : "compatible")}: {Path} {What}";

    /// <summary>
    /// Within a major version a message may only gain optional fields. A removed field, a field that became
    /// required (new or old) or a field whose JSON type changed breaks someone coding against the baseline; so does
    /// a required field of an event or response becoming optional, since its readers count on it.
    /// </summary>
    public static IReadOnlyList<SchemaChange> Between(
        IReadOnlyDictionary<string, SchemaField> baseline, IReadOnlyDictionary<string, SchemaField> current, bool isCommand)
    {
        var changes = new List<SchemaChange>();
        foreach (var (path, before) in baseline)
        {
            if (!current.TryGetValue(path, out var now))
                changes.Add(new(path, "was removed", IsBreaking: true));
            else if (now.Type != before.Type)
                changes.Add(new(path, $"changed type from {before.Type} to {now.Type}", IsBreaking: true));
            else if (before.Required && !now.Required)
                changes.Add(isCommand
                    ? new(path, "is no longer required", IsBreaking: false)
                    : new(path, "is no longer required, but readers count on it", IsBreaking: true));
        }
        foreach (var (path, now) in current)
        {
            baseline.TryGetValue(path, out var before);
            if (now.Required && before is not { Required: true })
                changes.Add(new(path, before is null ? "was added as required" : "became required", IsBreaking: true));
            else if (before is null)
                changes.Add(new(path, "was added as optional", IsBreaking: false));
        }
        return changes;
    }
}
