using System.Diagnostics;
using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>
/// Validates a request against its endpoint's rules, records it, submits it once and says what happened.
/// A redelivered or re-published command replays the recorded outcome instead of calling the provider again.
/// Without a named provider it tries the configured route's endpoints in order, moving on only when one
/// provably refused before accepting (429, 503, connect failure) or lacks balance.
/// </summary>
public sealed class GenerateVideoConsumer(
    VideoModelCatalog catalog,
    ProviderRouter router,
    SubmissionStore store,
    SubmitGateway gateway,
    ILogger<GenerateVideoConsumer> logger) : IConsumer<GenerateVideo>
{
    public async Task Consume(ConsumeContext<GenerateVideo> context)
    {
        var command = context.Message;
        Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, command.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, command.Provider)
            .SetTag(PlatformTelemetry.Tags.Model, command.Model);

        var candidates = router.Candidates(command);
        var options = command.Options ?? new VideoOptions();
        var usable = candidates.Where(m => m.Validate(options).Count == 0).ToList();
        if (usable.Count == 0)
        {
            var violations = candidates.Count == 0 ? UnknownEndpoint(command) : candidates[0].Validate(options);
            await context.Publish(Rejections.For(command, violations));
            SubmitterTelemetry.Rejected(candidates.FirstOrDefault(), violations);
            logger.LogWarning("Rejected {RequestId}: {Reason}", command.RequestId, Rejections.Describe(violations));
            return;
        }

        var existing = await store.TryBeginAsync(command.RequestId, usable[0].Provider, usable[0].Model, context.CancellationToken);
        if (existing is not null)
        {
            await ReplayAsync(context, existing);
            return;
        }

        var (model, outcome) = await SubmitAlongRouteAsync(usable, command, context.CancellationToken);
        if (outcome.Kind == SubmitOutcomeKind.Accepted)
        {
            await store.MarkSubmittedAsync(command.RequestId, model.Provider, model.Model, outcome.ProviderTaskId!, outcome.EstimatedSeconds, context.CancellationToken);
            await context.Publish(new TaskSubmitted
            {
                RequestId = command.RequestId,
                Provider = model.Provider,
                Model = model.Model,
                ProviderTaskId = outcome.ProviderTaskId!,
                SubmittedAt = DateTimeOffset.UtcNow,
                EstimatedSeconds = outcome.EstimatedSeconds,
            });
            SubmitterTelemetry.Submitted(outcome.ProviderTaskId!);
            logger.LogInformation("Submitted {RequestId} to {Provider} {Model} as {ProviderTaskId}",
                command.RequestId, model.Provider, model.Model, outcome.ProviderTaskId);
            return;
        }

        var (code, reason) = SubmitFailures.Describe(outcome);
        await store.MarkFailedAsync(command.RequestId, code, reason, context.CancellationToken);
        SubmitterTelemetry.SubmitFailed(model, code);
        await context.Publish(new TaskFailed
        {
            RequestId = command.RequestId,
            Provider = model.Provider,
            Model = model.Model,
            ReasonCode = code,
            Reason = reason,
            FailedAt = DateTimeOffset.UtcNow,
        });
        logger.LogWarning("Submit of {RequestId} to {Provider} failed: {ReasonCode} {Reason}", command.RequestId, model.Provider, code, reason);
    }

    private async Task<(IVideoModel Model, SubmitOutcome Outcome)> SubmitAlongRouteAsync(
        IReadOnlyList<IVideoModel> route, GenerateVideo command, CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            var outcome = await gateway.SubmitAsync(route[i], command, ct);
            var movesOn = outcome.Kind is SubmitOutcomeKind.Retryable or SubmitOutcomeKind.InsufficientBalance;
            if (!movesOn || i == route.Count - 1)
                return (route[i], outcome);
            logger.LogWarning("{Provider} did not take {RequestId} ({Message}); trying {Next}",
                route[i].Provider, command.RequestId, outcome.Message, route[i + 1].Provider);
        }
    }

    private async Task ReplayAsync(ConsumeContext context, Submission existing)
    {
        switch (existing.Status)
        {
            case SubmissionStatus.Submitted:
                await context.Publish(new TaskSubmitted
                {
                    RequestId = existing.RequestId,
                    Provider = existing.Provider,
                    Model = existing.Model,
                    ProviderTaskId = existing.ProviderTaskId!,
                    SubmittedAt = new DateTimeOffset(existing.UpdatedAt, TimeSpan.Zero),
                    EstimatedSeconds = existing.EstimatedSeconds,
                });
                break;
            case SubmissionStatus.Failed:
                await context.Publish(new TaskFailed
                {
                    RequestId = existing.RequestId,
                    Provider = existing.Provider,
                    Model = existing.Model,
                    ReasonCode = existing.FailureCode ?? FailureReasons.ProviderRejected,
                    Reason = existing.FailureReason ?? "",
                    FailedAt = new DateTimeOffset(existing.UpdatedAt, TimeSpan.Zero),
                });
                break;
            default:
                // Another delivery is mid-call, or a crash cut one off: the stale-submit sweep settles it.
                logger.LogWarning("Request {RequestId} is already being submitted; not calling the provider again", existing.RequestId);
                return;
        }
        logger.LogInformation("Request {RequestId} seen again: replayed its {Status} outcome without calling the provider", existing.RequestId, existing.Status);
    }

    private IReadOnlyList<RuleViolation> UnknownEndpoint(GenerateVideo command)
    {
        if (string.IsNullOrWhiteSpace(command.Provider))
            return [new RuleViolation
            {
                Field = "model",
                Rule = "unknown_route",
                Message = $"no provider named and no route for '{command.Model}': name a provider (modellix, myrouter or evolink) or configure Routing:Routes:{command.Model}",
            }];
        if (!catalog.KnowsProvider(command.Provider))
            return [new RuleViolation { Field = "provider", Rule = "unknown_provider", Message = $"unknown provider '{command.Provider}'" }];
        var known = string.Join(", ", catalog.All.Where(m => m.Provider.Equals(command.Provider.Trim(), StringComparison.OrdinalIgnoreCase)).Select(m => m.Model));
        return [new RuleViolation { Field = "model", Rule = "unknown_model", Message = $"{command.Provider} has no model '{command.Model}' (known: {known})" }];
    }
}
