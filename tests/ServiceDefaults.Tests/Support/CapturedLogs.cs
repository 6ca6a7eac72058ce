using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.ServiceDefaults.Tests.Support;

/// <summary>Every line logged, with the key/value pairs of the scopes it was logged in (what the JSON console prints).</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            logs._scopes.ForEachScope((value, pairs) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> entries)
                    foreach (var (key, item) in entries)
                        pairs[key] = item;
            }, scope);
            logs.Lines.Enqueue(new CapturedLine(category, logLevel, formatter(state, exception), scope));
        }
    }
}

public sealed record CapturedLine(string Category, LogLevel Level, string Message, Dictionary<string, object?> Scope);
