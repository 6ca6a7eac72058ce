using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter.Slots;

/// <summary>A request's priority as the line orders it: higher first, within one caller's own requests.</summary>
public static class WaitingPriority
{
    public static readonly string Known = $"{RequestPriorities.Interactive}, {RequestPriorities.Normal}, {RequestPriorities.Batch}";

    public static bool IsKnown(string priority) => priority is RequestPriorities.Interactive or RequestPriorities.Normal or RequestPriorities.Batch;

    public static short Rank(string? priority) => priority switch
    {
        RequestPriorities.Interactive => 2,
        RequestPriorities.Batch => 0,
        _ => 1,
    };
}
