using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Submitter;

internal static class SubmitFailures
{
    public static (string Code, string Reason) Describe(SubmitOutcome outcome) => outcome.Kind switch
    {
        SubmitOutcomeKind.Ambiguous => (FailureReasons.SubmitUnknown,
            $"the submit may have reached the provider but its answer was lost ({outcome.Message}); not retried so it cannot be billed twice — check the provider's console"),
        SubmitOutcomeKind.Retryable => (FailureReasons.ProviderUnavailable, $"the provider refused every attempt: {outcome.Message}"),
        SubmitOutcomeKind.InsufficientBalance => (FailureReasons.ProviderRejected, $"insufficient balance: {outcome.Message}"),
        _ => (FailureReasons.ProviderRejected, outcome.Message),
    };
}
