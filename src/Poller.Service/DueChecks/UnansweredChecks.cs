namespace VideoPlatform.Poller.DueChecks;

/// <summary>
/// Tells when this poller's consumers have stopped taking messages: due tasks keep being claimed a second time (their
/// last check never came back), yet this process has not begun consuming any message since that began, for
/// <see cref="DeadAfter"/>. Its own checks and their answers reach it within seconds, so silence that long means the bus
/// publishes but nothing consumes, as a RabbitMQ client can leave its receive side after a broker restart; only a new
/// process recovers then.
/// </summary>
public sealed class UnansweredChecks(TimeSpan deadAfter)
{
    private DateTimeOffset? _unansweredSince;

    public TimeSpan DeadAfter { get; } = deadAfter;

    /// <summary>For checks that time out after <paramref name="checkTimeout"/>: four of them in a row, and two minutes at least.</summary>
    public static UnansweredChecks ForCheckTimeout(TimeSpan checkTimeout) =>
        new(TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(2).Ticks, 4 * checkTimeout.Ticks)));

    /// <param name="reclaimed">Tasks claimed again this round because their last check was not answered.</param>
    /// <param name="lastConsumedAt">When this process last began consuming a message (see <see cref="ConsumeActivity"/>).</param>
    /// <param name="now">Now.</param>
    public bool ConsumersLookDead(int reclaimed, DateTimeOffset lastConsumedAt, DateTimeOffset now)
    {
        // Checks time out one by one, so most rounds claim none again: such a round says nothing either way.
        if (reclaimed == 0)
            return false;
        if (_unansweredSince is null || lastConsumedAt >= _unansweredSince)
        {
            _unansweredSince = now; // it took a message: its consumers work; watch again from here
            return false;
        }
        return now - _unansweredSince >= DeadAfter;
    }
}
