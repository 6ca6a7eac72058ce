using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Section <c>Retention</c>: how long finished records (ended tasks, announced submissions) are kept before they are
/// deleted. Open records are never deleted, however old.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days a finished record is kept after its last change.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 30;

    /// <summary>Rows deleted per statement, so no deletion holds locks or bloats a transaction for long.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Minutes between two deletion rounds.</summary>
    [Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 60;

    public TimeSpan KeepFor => TimeSpan.FromDays(Days);

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);
}
