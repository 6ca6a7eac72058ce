using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter.Pricing;

/// <summary>Prices a request from the table in <see cref="PricingOptions"/>: seconds of video times the price per second, plus the price per request.</summary>
public sealed class CostEstimator(IOptions<PricingOptions> options)
{
    /// <summary>Null when the endpoint has no price in the table: no estimate is better than a made-up one.</summary>
    public CostEstimate? Estimate(string provider, string model, VideoOptions request)
    {
        var table = options.Value;
        if (!table.Models.TryGetValue($"{provider}/{model}", out var price))
            return null;
        var perSecond = request.Resolution is { } tier && price.PerResolution.TryGetValue(tier, out var atTier) ? atTier : price.PerSecond;
        if (perSecond is null && price.PerRequest is null)
            return null;
        var amount = (perSecond ?? 0) * Seconds(request, price) + (price.PerRequest ?? 0);
        return new CostEstimate(amount, table.Currency);
    }

    /// <summary>The length asked for: the duration, else the shots' lengths added up, else the model's default.</summary>
    private static int Seconds(VideoOptions request, ModelPrice price) =>
        request.Duration
        ?? (request.MultiPrompt is { Count: > 0 } shots && shots.All(s => s.Duration is not null) ? shots.Sum(s => s.Duration!.Value) : (int?)null)
        ?? price.DefaultSeconds;
}
