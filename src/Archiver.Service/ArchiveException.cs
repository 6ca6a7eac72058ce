using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver;

/// <summary>
/// A video that could not be archived: <see cref="Code"/> is one of <see cref="ArchiveFailureReasons"/>, and
/// <see cref="Transient"/> says whether another try could succeed.
/// </summary>
public sealed class ArchiveException(string code, string message, bool transient = false) : Exception(message)
{
    public string Code { get; } = code;

    public bool Transient { get; } = transient;
}
