namespace VideoPlatform.Providers.Http;

/// <summary>
/// Numbers in providers' answers turned into times, durations and percentages without ever throwing: a value no real
/// answer carries (a timestamp in another unit, a negative duration, a TTL of centuries) is "not said" (null), and the
/// caller goes on as if it were absent. One odd value must not block a finished task.
/// </summary>
internal static class AnswerValues
{
    /// <summary>Every instant a provider reports about a task lies in this window; outside it the unit is wrong.</summary>
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset? FromUnixMilliseconds(double? milliseconds) =>
        milliseconds is { } ms && ms >= Earliest.ToUnixTimeMilliseconds() && ms < Latest.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms)
            : null;

    public static DateTimeOffset? FromUnixSeconds(double? seconds) => FromUnixMilliseconds(seconds * 1000);

    /// <summary>A duration of zero up to <paramref name="longest"/>; null when negative, not finite or longer.</summary>
    public static TimeSpan? Seconds(double? seconds, TimeSpan longest) =>
        seconds is { } s && double.IsFinite(s) && s >= 0 && s <= longest.TotalSeconds ? TimeSpan.FromSeconds(s) : null;

    /// <summary>A count of seconds or pixels: only a positive one says something.</summary>
    public static int? Positive(int? value) => value > 0 ? value : null;

    public static int? Percent(int? value) => value is >= 0 and <= 100 ? value : null;
}
