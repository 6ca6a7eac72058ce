using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Callers;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Pricing;
using VideoPlatform.Submitter.Reroutes;
using VideoPlatform.Submitter.Slots;

namespace VideoPlatform.Submitter;

/// <summary>
/// Validates a request against its endpoint's rules, records it, submits it once and says what happened.
/// A redelivered or re-published command replays the recorded outcome instead of calling the provider again; a
/// delivery that died before its call is taken over. Outcomes are recorded first and announced from the record.
/// Without a named provider it tries the configured route's endpoints in order, moving on only when one
/// provably refused before accepting (429, 503, connect failure) or lacks balance.
/// </summary>
public sealed class GenerateVideoConsumer(
    VideoModelCatalog catalog,
    ProviderRouter router,
    SubmissionStore store,
    SubmitGateway gateway,
    ExistingSubmissions settle,
    CallerBudgets pricing,
    ProviderSlots slots,
    SlotLine line,
    WaitingAnnouncer waiting,
    IOptions<SubmitterOptions> settings,
    TimeProvider time,
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
            await RejectAsync(context, candidates.FirstOrDefault(), candidates.Count == 0 ? UnknownEndpoint(command) : candidates[0].Validate(options));
            return;
        }

        var owner = context.MessageId ?? NewId.NextGuid();
        var caller = CallerName.Resolve(command.Caller, BrokerUser.Of(context));
        var charge = pricing.ChargeFor(caller, usable, options);
        var route = slots.Route(usable);
        ClaimResult claim;
        try
        {
            claim = await store.TryClaimAsync(command.RequestId, route, charge, owner,
                route.Any(e => e.MaxTasksInFlight is not null) ? WaitingCommand.For(command, caller) : null, time.GetUtcNow(), settings.Value.Lease, context.CancellationToken);
        }
        catch (CallerLimitExceededException e)
        {
            await RejectAsync(context, usable[0], [new RuleViolation { Field = "caller", Rule = e.Rule, Message = e.Message }]);
            return;
        }
        if (claim.Existing is { Status: SubmissionStatus.Waiting } inLine)
        {
            await waiting.AnnounceAsync(inLine, context.CancellationToken);
            return;
        }
        if (claim.Existing is { } existing)
        {
            await settle.ExistingAsync(existing, context.CancellationToken);
            return;
        }

        // The endpoint that holds the claim (and its slot) goes first; a rerouted request goes there only, whichever
        // copy of its command (the caller's original, published again, or the line's) took the admission.
        var ordered = claim.Rerouted && catalog.Find(claim.Claimed!.Provider, claim.Claimed.Model) is { } rerouteTarget
            ? [rerouteTarget]
            : usable.OrderBy(m => m.Provider == claim.Claimed!.Provider && m.Model == claim.Claimed.Model ? 0 : 1).ToList();
        bool recorded;
        // The lease stays renewed until the outcome is recorded, so a database outage in between fails nothing.
        await using (var lease = new SubmissionLease(command.RequestId, owner, settings.Value.Lease, store, time, logger))
            recorded = await SubmitAndRecordAsync(ordered, command, charge, lease,
                command.RerouteOnProviderFailure == true && !claim.Rerouted ? usable : null, context.CancellationToken);
        if (recorded)
            await settle.AnnounceRecordedAsync(command.RequestId, context.CancellationToken);
        else if (await store.FindAsync(command.RequestId, context.CancellationToken) is { Status: SubmissionStatus.Waiting } putBack)
            await waiting.AnnounceAsync(putBack, context.CancellationToken);
    }

    /// <summary>
    /// Answers a request that breaks a rule with the rejection naming it, before any provider call. A request that
    /// waited in line and breaks a rule when its turn comes (the catalog or a rule changed meanwhile) leaves the line.
    /// </summary>
    private async Task RejectAsync(ConsumeContext<GenerateVideo> context, IVideoModel? model, IReadOnlyList<RuleViolation> violations)
    {
        try
        {
            await line.LeaveAsync(context.Message.RequestId, FailureReasons.InvalidRequest, Rejections.Describe(violations), announced: true, time.GetUtcNow(), context.CancellationToken);
        }
        catch (Exception e) when (TransientFaults.IsTransient(e))
        {
            // The rejection is the answer either way; an admission left behind is sent again and rejected again later.
            logger.LogWarning("Could not take {RequestId} out of the line ({Error}); answering anyway", context.Message.RequestId, e.Message);
        }
        await context.Publish(Rejections.For(context.Message, violations));
        SubmitterTelemetry.Rejected(model, violations);
        logger.LogWarning("Rejected {RequestId}: {Reason}", context.Message.RequestId, Rejections.Describe(violations));
    }

    /// <summary>
    /// Submits along the route and records the outcome; false when another delivery took the request over, or when
    /// the provider refused at its limit of running tasks and the request went back in line.
    /// </summary>
    /// <param name="rerouteRoute">The usable endpoints in route order when the request may be sent on after a failure on the provider's side.</param>
    private async Task<bool> SubmitAndRecordAsync(IReadOnlyList<IVideoModel> usable, GenerateVideo command, SubmissionCharge charge, SubmissionLease lease,
        IReadOnlyList<IVideoModel>? rerouteRoute, CancellationToken ct)
    {
        IVideoModel model;
        SubmitOutcome outcome;
        try
        {
            (model, outcome) = await SubmitAlongRouteAsync(usable, command, lease, ct);
        }
        catch (SubmissionClaimLostException e)
        {
            // Taken over by a redelivery after this delivery's lease ran out: that one submits and announces.
            logger.LogWarning("{Message}", e.Message);
            return false;
        }

        if (outcome is { Kind: SubmitOutcomeKind.Retryable, AtConcurrencyLimit: true })
        {
            await PutBackInLineAsync(command, charge.Caller, outcome, lease, ct);
            return false;
        }

        if (outcome.Kind == SubmitOutcomeKind.Accepted)
        {
            // The endpoint that took it sets the estimate; the claim was charged at the dearest of the route.
            var estimate = pricing.Estimate(model, command.Options ?? new VideoOptions());
            // Kept only while a further endpoint could take it: the reroute sends this command on.
            var rerouteCommand = rerouteRoute is not null && RerouteRoute.NextAfter(rerouteRoute, model.Provider, model.Model) is not null
                ? WaitingCommand.For(command, charge.Caller).CommandJson
                : null;
            await RecordAsync("record the acceptance of " + command.RequestId, ct => store.RecordAcceptedAsync(
                command.RequestId, lease.Owner, model.Provider, model.Model, outcome.ProviderTaskId!, outcome.EstimatedSeconds, estimate?.Amount, time.GetUtcNow(), ct,
                rerouteCommand), ct);
            SubmitterTelemetry.Submitted(outcome.ProviderTaskId!);
            if (estimate is not null)
                PlatformMetrics.CostEstimated(charge.Caller, model.Provider, model.Model, estimate.Currency, (double)estimate.Amount);
            logger.LogInformation("Submitted {RequestId} to {Provider} {Model} as {ProviderTaskId}",
                command.RequestId, model.Provider, model.Model, outcome.ProviderTaskId);
        }
        else
        {
            var (code, reason) = SubmitFailures.Describe(outcome);
            await RecordAsync("record the failed submit of " + command.RequestId, ct => store.RecordFailedAsync(
                command.RequestId, lease.Owner, code, reason, time.GetUtcNow(), ct), ct);
            SubmitterTelemetry.SubmitFailed(model, code);
            logger.LogWarning("Submit of {RequestId} to {Provider} failed: {ReasonCode} {Reason}", command.RequestId, model.Provider, code, reason);
        }
        return true;
    }

    /// <summary>
    /// A refusal at the provider's own limit of running tasks took nothing and clears when one of them ends: the request
    /// waits in line for its turn instead of failing (unless this delivery no longer held it).
    /// </summary>
    private async Task PutBackInLineAsync(GenerateVideo command, string caller, SubmitOutcome outcome, SubmissionLease lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var notBefore = now + (outcome.RetryAfter ?? TimeSpan.FromSeconds(settings.Value.RequeueAfterSeconds));
        if (await line.RequeueAsync(command.RequestId, lease.Owner, WaitingCommand.For(command, caller), now, notBefore, ct))
            logger.LogWarning("The provider refused {RequestId} at its limit of running tasks ({Message}); it waits in line until {NotBefore} at least",
                command.RequestId, outcome.Message, notBefore);
    }

    /// <summary>
    /// Writes an outcome through database outages while the command stays unacknowledged: the provider has answered,
    /// so this delivery is the only one that knows the answer. A write that finds the record no longer this
    /// delivery's (settled by someone else meanwhile) is logged; the record as it stands is then announced.
    /// </summary>
    private async Task RecordAsync(string what, Func<CancellationToken, Task<bool>> write, CancellationToken ct)
    {
        if (!await DurableWrite.UntilDoneAsync(write, what, time, logger, ct))
            logger.LogError("Could not {What}: the record was settled by another delivery first", what);
    }

    private async Task<(IVideoModel Model, SubmitOutcome Outcome)> SubmitAlongRouteAsync(
        IReadOnlyList<IVideoModel> route, GenerateVideo command, SubmissionLease lease, CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            var outcome = await gateway.SubmitAsync(route[i], command, lease, ct);
            var movesOn = outcome.Kind is SubmitOutcomeKind.Retryable or SubmitOutcomeKind.InsufficientBalance;
            if (!movesOn || i == route.Count - 1)
                return (route[i], outcome);
            logger.LogWarning("{Provider} did not take {RequestId} ({Message}); trying {Next}",
                route[i].Provider, command.RequestId, outcome.Message, route[i + 1].Provider);
        }
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
