using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Poller.Scheduling;

/// <summary>Section <c>Scheduler</c>.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>The exchange/queue that receives MassTransit's ScheduleMessage and CancelScheduledMessage.</summary>
    public const string EndpointName = "scheduler";

    /// <summary>How often an idle dispatcher looks for due messages: the worst added lateness of a recheck.</summary>
    [Range(10, 60000)]
    public int PollIntervalMilliseconds { get; set; } = 200;

    [Range(1, 10000)]
    public int BatchSize { get; set; } = 200;
}
