using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.ProviderAdapters.Tests.Support;

/// <summary>Every log entry the providers write, kept so a test can check what was said (and what was not).</summary>
internal sealed class RecordedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _entries = new();

    public IReadOnlyList<RecordedLog> Entries => [.. _entries];

    public IReadOnlyList<RecordedLog> Warnings => [.. _entries.Where(e => e.Level == LogLevel.Warning)];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<RecordedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new RecordedLog(category, logLevel, formatter(state, exception)));
    }
}
