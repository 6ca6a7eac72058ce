namespace VideoPlatform.Submitter.Pricing;

/// <summary>What a request is estimated to cost, in the price table's currency.</summary>
public sealed record CostEstimate(decimal Amount, string Currency);
