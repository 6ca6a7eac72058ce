using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Submitter.Callers;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter.Pricing;

/// <summary>
/// What a request is charged to its caller, with the caller's daily budget (<see cref="PricingOptions"/>) and quotas
/// (<see cref="CallerOptions"/>).
/// </summary>
public sealed class CallerBudgets(CostEstimator estimator, IOptions<PricingOptions> options, IOptions<CallerOptions> callers)
{
    /// <summary>
    /// The charge of a request that may end on any endpoint of its route: the dearest estimate among them, so a budget
    /// is never overrun by a fallback. No estimate when none of them has a price.
    /// </summary>
    public SubmissionCharge ChargeFor(string caller, IReadOnlyList<IVideoModel> route, VideoOptions request)
    {
        var table = options.Value;
        var dearest = route.Select(model => Estimate(model, request)?.Amount).Max();
        return new SubmissionCharge(caller, dearest, dearest is null ? null : table.Currency,
            table.DailyBudgets.TryGetValue(caller, out var budget) ? budget : null, callers.Value.For(caller));
    }

    public CostEstimate? Estimate(IVideoModel model, VideoOptions request) => estimator.Estimate(model.Provider, model.Model, request);
}
