using Microsoft.Extensions.Logging;

namespace VideoPlatform.TestSupport.Logging;

/// <summary>One log entry: its text, the structured values of its template and of its scopes.</summary>
public sealed record CapturedLine(
    string Category,
    LogLevel Level,
    string Message,
    string? Exception,
    Dictionary<string, object?> Values,
    Dictionary<string, object?> Scope)
{
    /// <summary>Everything this line would print, for "never contains" assertions.</summary>
    public string Printed => string.Join(" | ", new[] { Category, Message, Exception ?? "" }
        .Concat(Values.Concat(Scope).Select(p => $"{p.Key}={p.Value}")));
}
