namespace VideoPlatform.Cli;

/// <summary>When <c>load --per-minute</c> publishes each request, counted from the first publish.</summary>
internal static class LoadPacing
{
    /// <summary>Request <paramref name="index"/> starts index × 60/<paramref name="perMinute"/> s in; 0 = all at once.</summary>
    public static TimeSpan StartOf(int index, int perMinute) =>
        perMinute <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(index * 60.0 / perMinute);
}
