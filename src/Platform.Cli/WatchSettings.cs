namespace VideoPlatform.Cli;

/// <summary><c>watch</c>'s options, checked.</summary>
internal sealed record WatchSettings(TimeSpan Interval, TimeSpan Timeout, TimeSpan NotFoundGrace, bool Json)
{
    /// <summary>Each poll is a request to the poller; faster than this only loads it.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(0.1);

    /// <exception cref="FormatException">A value makes no sense; the message names the option.</exception>
    public static WatchSettings From(double intervalSeconds, int timeoutSeconds, int notFoundGraceSeconds, bool json)
    {
        if (!double.IsFinite(intervalSeconds) || intervalSeconds < ShortestInterval.TotalSeconds)
            throw new FormatException($"--interval must be at least {ShortestInterval.TotalSeconds} s, got {intervalSeconds}");
        if (timeoutSeconds <= 0)
            throw new FormatException($"--timeout must be a positive number of seconds, got {timeoutSeconds}");
        if (notFoundGraceSeconds < 0)
            throw new FormatException($"--not-found-grace must be zero or more seconds, got {notFoundGraceSeconds}");
        return new WatchSettings(
            TimeSpan.FromSeconds(intervalSeconds), TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromSeconds(notFoundGraceSeconds), json);
    }
}
