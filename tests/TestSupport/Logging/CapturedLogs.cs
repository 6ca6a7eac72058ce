using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.TestSupport.Logging;

/// <summary>
/// Every line logged, with its level, the values of its template and the key/value pairs of its scopes (what the
/// JSON console prints). Add <see cref="CreateProvider"/> to each host or logger factory that should be heard.
/// </summary>
public sealed class CapturedLogs
{
    public ConcurrentQueue<CapturedLine> Lines { get; } = new();

    public IReadOnlyList<CapturedLine> Warnings => [.. Lines.Where(l => l.Level == LogLevel.Warning)];

    /// <summary>A provider for one host: each logger factory keeps its own scopes, so hosts cannot share one.</summary>
    public Provider CreateProvider() => new(this);

    public sealed class Provider(CapturedLogs logs) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        private void Add(CapturedLine line) => logs.Lines.Enqueue(line);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(Provider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                provider._scopes.ForEachScope((value, pairs) => AddPairs(value, pairs), scope);
                var values = new Dictionary<string, object?>();
                AddPairs(state, values);
                provider.Add(new CapturedLine(category, logLevel, formatter(state, exception), exception?.ToString(), values, scope));
            }

            private static void AddPairs(object? source, Dictionary<string, object?> pairs)
            {
                if (source is IEnumerable<KeyValuePair<string, object?>> entries)
                    foreach (var (key, value) in entries)
                        pairs[key] = value;
            }
        }
    }
}
