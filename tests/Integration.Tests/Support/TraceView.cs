using System.Diagnostics;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>One trace's spans with the lookups a test reads a trace by; prints as an indented tree on failure.</summary>
public sealed class TraceView(IReadOnlyList<Activity> spans)
{
    public IReadOnlyList<Activity> Spans { get; } = spans;

    public IReadOnlyList<Activity> Named(string name) => Spans.Where(s => s.DisplayName == name).OrderBy(s => s.StartTimeUtc).ToList();

    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => Spans.Where(s => s.ParentSpanId == parent.SpanId).ToList();

    public IReadOnlyList<Activity> HttpCallsUnder(Activity parent, string method) =>
        ChildrenOf(parent).Where(s => s.Source.Name == "System.Net.Http" && Tag(s, "http.request.method") == method).ToList();

    /// <summary>Spans whose parent is not in the trace: the publisher's send, when the trace starts there.</summary>
    public IReadOnlyList<Activity> Roots => Spans.Where(s => Spans.All(p => p.SpanId != s.ParentSpanId)).ToList();

    public static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    public override string ToString()
    {
        var lines = new List<string>();
        void Print(Activity span, int depth)
        {
            lines.Add($"{new string(' ', depth * 2)}{span.DisplayName} [{span.Source.Name}] " +
                      string.Join(" ", span.TagObjects.Where(t => t.Key.StartsWith("video.") || t.Key.EndsWith("_state")).Select(t => $"{t.Key}={t.Value}")));
            foreach (var child in ChildrenOf(span).OrderBy(s => s.StartTimeUtc))
                Print(child, depth + 1);
        }
        foreach (var root in Roots)
            Print(root, 0);
        return string.Join(Environment.NewLine, lines);
    }
}
