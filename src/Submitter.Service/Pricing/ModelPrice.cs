using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Submitter.Pricing;

/// <summary>One endpoint's published price: per second of video (by resolution where it differs), plus per request.</summary>
public sealed class ModelPrice
{
    /// <summary>Price per second of video at any resolution not listed in <see cref="PerResolution"/>.</summary>
    [Range(0, double.MaxValue)]
    public decimal? PerSecond { get; set; }

    /// <summary>Price per second at a resolution tier (<c>720p</c>, <c>1080p</c>, <c>4k</c>), where it differs.</summary>
    public Dictionary<string, decimal> PerResolution { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A flat price per request, on top of any per-second price (alone for a model billed per video).</summary>
    [Range(0, double.MaxValue)]
    public decimal? PerRequest { get; set; }

    /// <summary>The length the provider makes when a request names none; every supported model documents 5 seconds.</summary>
    [Range(1, 600)]
    public int DefaultSeconds { get; set; } = 5;
}
