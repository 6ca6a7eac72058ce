namespace VideoPlatform.Providers.Http;

/// <summary>
/// Numbers in providers' answers turned into times, durations, sizes and percentages without ever throwing. A float
/// is rounded the way its field is used (see each method). A value no real answer carries (a timestamp in another
/// unit, a negative duration, a TTL of centuries) is "not said" (null), noted in <see cref="DroppedFields"/> when a
/// field name is given, and the caller goes on as if it were absent. One odd value must not block a finished task.
/// </summary>
internal static class AnswerValues
{
    /// <summary>Every instant a provider reports about a task lies in this window; outside it the unit is wrong.</summary>
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rounded to the nearest millisecond.</summary>
    public static DateTimeOffset? FromUnixMilliseconds(double? milliseconds, string? field = null) =>
        InWindow(milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(milliseconds!.Value, MidpointRounding.AwayFromZero))
            : Dropped<DateTimeOffset>(milliseconds, field, "not a time in milliseconds");

    public static DateTimeOffset? FromUnixSeconds(double? seconds, string? field = null) =>
        InWindow(seconds * 1000) ? FromUnixMilliseconds(seconds * 1000) : Dropped<DateTimeOffset>(seconds, field, "not a time in seconds");

    /// <summary>
    /// A Unix time whose unit is not documented: milliseconds when it is a plausible instant in milliseconds, else
    /// seconds when it is one in seconds. The two windows are a thousandfold apart, so no value fits both.
    /// </summary>
    public static DateTimeOffset? FromUnixSecondsOrMilliseconds(double? value, string? field = null) =>
        InWindow(value) ? FromUnixMilliseconds(value)
        : InWindow(value * 1000) ? FromUnixSeconds(value)
        : Dropped<DateTimeOffset>(value, field, "not a time in seconds or milliseconds");

    /// <summary>A duration of zero up to <paramref name="longest"/>; null when negative, not finite or longer.</summary>
    public static TimeSpan? Seconds(double? seconds, TimeSpan longest, string? field = null) =>
        seconds is { } s && double.IsFinite(s) && s >= 0 && s <= longest.TotalSeconds
            ? TimeSpan.FromSeconds(s)
            : Dropped<TimeSpan>(seconds, field, "out of range");

    /// <summary>
    /// Seconds still to wait (an ETA, an estimate), rounded up: a provider saying 12.2 s is not done in 12. Zero says
    /// nothing (null) without being odd, as a finished task's ETA does.
    /// </summary>
    public static int? SecondsUp(double? seconds, string? field = null) =>
        seconds is > 0 and <= int.MaxValue ? (int)Math.Ceiling(seconds.Value)
        : seconds == 0 ? null
        : Dropped<int>(seconds, field, "out of range");

    /// <summary>A size in pixels, rounded to the nearest: only a positive one says something.</summary>
    public static int? Pixels(double? pixels, string? field = null) =>
        Math.Round(pixels ?? 0, MidpointRounding.AwayFromZero) is > 0 and <= int.MaxValue and var whole ? (int)whole
        : pixels is null or 0 ? null
        : Dropped<int>(pixels, field, "out of range");

    /// <summary>0–100, rounded down: a task at 99.9 % is not done, and only the provider's own 100 says so.</summary>
    public static int? Percent(double? percent, string? field = null) =>
        percent is >= 0 and <= 100 ? (int)Math.Floor(percent.Value) : Dropped<int>(percent, field, "out of range");

    /// <summary>An amount of credits as the provider states it; negative or beyond any bill is "not said".</summary>
    public static double? Credits(double? credits, string? field = null) =>
        credits is >= 0 and < 1e12 ? credits : Dropped<double>(credits, field, "out of range");

    private static bool InWindow(double? milliseconds) =>
        milliseconds is { } ms && ms >= Earliest.ToUnixTimeMilliseconds() && ms < Latest.ToUnixTimeMilliseconds();

    /// <summary>Null: an absent value is simply not said, a present but unusable one is also noted.</summary>
    private static T? Dropped<T>(double? value, string? field, string why) where T : struct
    {
        if (value is not null && field is not null)
            DroppedFields.Note(field, why);
        return null;
    }
}
