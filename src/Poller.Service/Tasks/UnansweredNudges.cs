namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// Tells when this poller's consumers have stopped taking messages: stalled tasks are being nudged, yet no task at all
/// has changed since the nudging began, for <see cref="DeadAfter"/>. A nudge is taken within seconds by a consuming
/// poller (any instance), so silence that long means the bus publishes but nothing consumes, as a RabbitMQ client can
/// leave its receive side after a broker restart; only a new process recovers then.
/// </summary>
public sealed class UnansweredNudges(TimeSpan deadAfter)
{
    private DateTimeOffset? _nudgingSince;

    public TimeSpan DeadAfter { get; } = deadAfter;

    /// <summary>For nudges every <paramref name="period"/>: four rounds of silence, and two minutes at least.</summary>
    public static UnansweredNudges ForRoundsOf(TimeSpan period) =>
        new(TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(2).Ticks, 4 * period.Ticks)));

    /// <param name="nudged">Tasks nudged this round.</param>
    /// <param name="lastTaskChange">The latest change of any task, open or ended; null when there are none.</param>
    /// <param name="now">Now.</param>
    public bool ConsumersLookDead(int nudged, DateTimeOffset? lastTaskChange, DateTimeOffset now)
    {
        if (nudged == 0)
        {
            _nudgingSince = null;
            return false;
        }
        if (_nudgingSince is null || lastTaskChange >= _nudgingSince)
        {
            _nudgingSince = now; // a task changed: something consumes; watch again from here
            return false;
        }
        return now - _nudgingSince >= DeadAfter;
    }
}
