namespace VideoPlatform.Submitter.Intake;

/// <summary>A new request's estimate would take its caller past its daily budget: it is refused before it is recorded.</summary>
public sealed class DailyBudgetExceededException(SubmissionCharge charge, decimal spentToday)
    : Exception($"caller '{charge.Caller}' has spent an estimated {spentToday:0.00##} {charge.Currency} of its daily budget of " +
                $"{charge.DailyBudget:0.00##} {charge.Currency} today (UTC); this request is estimated at {charge.EstimatedCost:0.00##} {charge.Currency}")
{
    public SubmissionCharge Charge { get; } = charge;
    public decimal SpentToday { get; } = spentToday;
}
