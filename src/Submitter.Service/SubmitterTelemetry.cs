using System.Diagnostics;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Submitter;

/// <summary>What the submitter records about a request's outcome: on the consumer's span and in the metrics.</summary>
internal static class SubmitterTelemetry
{
    /// <summary>
    /// Stands in for a provider or model this platform does not know: the caller's own strings would let any
    /// publisher create new metric series at will.
    /// </summary>
    private const string Unknown = "unknown";

    public static void Rejected(IVideoModel? model, IReadOnlyList<RuleViolation> violations)
    {
        var (provider, name) = (model?.Provider ?? Unknown, model?.Model ?? Unknown);
        Activity.Current?.SetTag(PlatformTelemetry.Tags.Outcome, PlatformMetrics.Outcomes.Rejected)
            .SetTag(PlatformTelemetry.Tags.Rule, string.Join(",", violations.Select(v => v.Rule).Distinct()));
        PlatformMetrics.RequestFinished(provider, name, PlatformMetrics.Outcomes.Rejected);
        foreach (var violation in violations)
            PlatformMetrics.RuleBroken(provider, name, FieldLabel(violation), violation.Rule);
    }

    /// <summary>A field as a metric label: list positions dropped and a field the contract lacks named by its rule, so
    /// a caller's own field names cannot create new series.</summary>
    private static string FieldLabel(RuleViolation violation) =>
        violation.Rule == Commands.ContractShape.Rules.UnknownField
            ? Unknown
            : System.Text.RegularExpressions.Regex.Replace(violation.Field, @"\[\d+\]", "[]");

    public static void Submitted(string providerTaskId) =>
        Activity.Current?.SetTag(PlatformTelemetry.Tags.ProviderTaskId, providerTaskId)
            .SetTag(PlatformTelemetry.Tags.Outcome, "submitted");

    public static void SubmitFailed(IVideoModel model, string reasonCode)
    {
        Activity.Current?.SetTag(PlatformTelemetry.Tags.Outcome, PlatformMetrics.Outcomes.Failed)
            .SetTag(PlatformTelemetry.Tags.Reason, reasonCode);
        PlatformMetrics.RequestFinished(model.Provider, model.Model, PlatformMetrics.Outcomes.Failed, reasonCode);
    }

    /// <summary>One span per submit attempt, so retries after a 429 or 503 show in the trace with their outcome.</summary>
    public static Activity? StartSubmit(IVideoModel model, GenerateVideo command, int attempt) =>
        PlatformTelemetry.ActivitySource.StartActivity("provider submit")
            ?.SetTag(PlatformTelemetry.Tags.RequestId, command.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, model.Provider)
            .SetTag(PlatformTelemetry.Tags.Model, model.Model)
            .SetTag("video.attempt", attempt);

    public static void Answered(Activity? span, SubmitOutcome outcome)
    {
        span?.SetTag(PlatformTelemetry.Tags.Outcome, outcome.Kind.ToString());
        if (outcome.Kind == SubmitOutcomeKind.Accepted)
            span?.SetTag(PlatformTelemetry.Tags.ProviderTaskId, outcome.ProviderTaskId);
        else
            span?.SetStatus(ActivityStatusCode.Error, outcome.Kind.ToString());
    }
}
