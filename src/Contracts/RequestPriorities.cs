namespace VideoPlatform.Contracts;

/// <summary>The values of <see cref="GenerateVideo.Priority"/>.</summary>
public static class RequestPriorities
{
    /// <summary>Someone is waiting for it: ahead of the caller's other requests.</summary>
    public const string Interactive = "interactive";

    /// <summary>The default.</summary>
    public const string Normal = "normal";

    /// <summary>Bulk work: after the caller's other requests.</summary>
    public const string Batch = "batch";
}
