using Microsoft.Extensions.Logging;

namespace VideoPlatform.ProviderAdapters.Tests.Support;

internal sealed record RecordedLog(string Category, LogLevel Level, string Message);
