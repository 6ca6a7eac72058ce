using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Submitter.Pricing;

/// <summary>
/// Section <c>Pricing</c>: the operator's copy of the providers' published prices, and optional daily budgets per
/// caller. The providers change their prices; keeping this table current is the operator's job. A model without an
/// entry gets no estimate, and a request for it is not held by any budget.
/// </summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>
    /// The currency of every price and budget (ISO 4217). One currency for the table, so a caller's spend across
    /// models adds up.
    /// </summary>
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "USD";

    /// <summary>Prices by endpoint, keyed <c>provider/model</c> as in <c>Routing</c> (e.g. <c>evolink/kling-v3-image-to-video</c>).</summary>
    public Dictionary<string, ModelPrice> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The most a caller's requests may be estimated to cost per UTC day, keyed by caller name. A caller not listed
    /// has no budget.
    /// </summary>
    public Dictionary<string, decimal> DailyBudgets { get; set; } = new(StringComparer.Ordinal);
}
