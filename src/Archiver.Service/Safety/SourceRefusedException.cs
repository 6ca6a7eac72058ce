namespace VideoPlatform.Archiver.Safety;

/// <summary>A connection the <see cref="SourcePolicy"/> would not open; never worth another try.</summary>
public sealed class SourceRefusedException(string message) : Exception(message);
