using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Submitter.Callers;

/// <summary>What one caller may hold and take: its quotas (unset = none) and its share of a busy provider's slots.</summary>
public sealed class CallerLimits
{
    /// <summary>
    /// The most requests the caller may have unfinished at once: waiting for a slot, being submitted, or running at
    /// the provider until their end event.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? MaxTasksInFlight { get; set; }

    /// <summary>The most requests the caller may make per UTC day (each new request id counts once, whatever its outcome).</summary>
    [Range(1, int.MaxValue)]
    public int? MaxRequestsPerDay { get; set; }

    /// <summary>Slots the caller is given per turn while others wait too (default 1: equal turns).</summary>
    [Range(1, 100)]
    public int Weight { get; set; } = 1;
}
