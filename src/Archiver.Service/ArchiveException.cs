namespace VideoPlatform.Archiver;

/// <summary>A download that failed; <see cref="Transient"/> says whether another try could succeed.</summary>
public sealed class ArchiveException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
