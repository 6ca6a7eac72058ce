namespace VideoPlatform.Providers.Http;

/// <summary>
/// The optional fields of one provider answer that could not be used, gathered while the answer is read so the
/// client can log them once. Fields are named by their path (<c>data.result.resources[].width</c>), never by value:
/// a value can be anything, and a body can carry signed links.
/// </summary>
internal sealed class DroppedFields : IDisposable
{
    // Answers are read synchronously from a string, so the collector lives on the reading thread; outside a
    // collection (header parsing, tests of the pure functions) a note is simply not kept.
    [ThreadStatic] private static DroppedFields? current;

    private readonly DroppedFields? outer;
    private readonly List<string> fields = [];
    private readonly Stack<string> path = new();

    private DroppedFields(DroppedFields? outer) => this.outer = outer;

    public IReadOnlyList<string> Fields => fields;

    public static DroppedFields Collect() => current = new DroppedFields(current);

    /// <param name="why">What was wrong with it, in a few words (its JSON kind, "out of range"); never its value.</param>
    public static void Note(string field, string why)
    {
        if (current is not { } collecting)
            return;
        var entry = $"{collecting.PathTo(field)} ({why})";
        // Array elements share one path: one entry says it for all of them.
        if (!collecting.fields.Contains(entry))
            collecting.fields.Add(entry);
    }

    /// <summary>Names the fields noted until disposed as inside <paramref name="field"/>.</summary>
    public static Nesting Within(string field)
    {
        current?.path.Push(field);
        return new Nesting(current);
    }

    public void Dispose() => current = outer;

    private string PathTo(string field) => path.Count == 0 ? field : $"{string.Join('.', path.Reverse())}.{field}";

    public readonly struct Nesting(DroppedFields? collecting) : IDisposable
    {
        public void Dispose() => collecting?.path.Pop();
    }
}
