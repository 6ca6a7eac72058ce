namespace VideoPlatform.Submitter.Intake;

/// <summary>
/// Who a request is for and what it is estimated to cost (null: the model has no price), recorded with its claim so a
/// caller's spend today is a sum over the intake records; with the caller's daily budget and quotas, when it has them.
/// </summary>
public sealed record SubmissionCharge(string Caller, decimal? EstimatedCost, string? Currency, decimal? DailyBudget, Callers.CallerLimits? Quotas = null)
{
    /// <summary>A request for the default caller with no price and no budget.</summary>
    public static readonly SubmissionCharge None = new(Pricing.CallerName.Default, null, null, null);
}
