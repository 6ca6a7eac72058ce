using System.Diagnostics;
using MassTransit;
using VideoPlatform.Providers;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tasks;

/// <summary>Asks the provider where a task is and reports the answer to the saga.</summary>
public sealed class CheckTaskStatusConsumer(VideoModelCatalog catalog, ProviderRateGate rateGate, ILogger<CheckTaskStatusConsumer> logger)
    : IConsumer<CheckTaskStatus>
{
    public async Task Consume(ConsumeContext<CheckTaskStatus> context)
    {
        var check = context.Message;
        Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, check.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, check.Provider)
            .SetTag(PlatformTelemetry.Tags.Model, check.Model)
            .SetTag(PlatformTelemetry.Tags.ProviderTaskId, check.ProviderTaskId);

        if (!await WaitTurnAsync(check, context.CancellationToken))
            return;

        var model = catalog.Find(check.Provider, check.Model);
        var status = model is null
            ? new ProviderTaskStatus
            {
                State = ProviderTaskState.Failed,
                FailureCode = "unknown_model",
                FailureMessage = $"this poller has no adapter for {check.Provider} {check.Model}",
            }
            : await QueryAsync(model, check, context.CancellationToken);

        if (status.State is ProviderTaskState.Unreachable or ProviderTaskState.Unknown or ProviderTaskState.NotFound)
            logger.LogInformation("{Provider} task {ProviderTaskId} of {RequestId}: {State} {Detail}",
                check.Provider, check.ProviderTaskId, check.RequestId, status.State, status.FailureMessage ?? status.RawStatus);

        if (status is { State: ProviderTaskState.Unreachable, RetryAfter: { } retryAfter })
            await rateGate.SlowDownAsync(check.Provider, retryAfter, context.CancellationToken);

        Activity.Current?.SetTag(PlatformTelemetry.Tags.Outcome, status.State.ToString());
        await context.Publish(new TaskStatusObserved
        {
            RequestId = check.RequestId,
            ProviderTaskId = check.ProviderTaskId,
            State = status.State,
            RawStatus = status.RawStatus,
            ProgressPercent = status.ProgressPercent,
            EtaSeconds = status.EtaSeconds,
            EstimatedTotalSeconds = status.EstimatedTotalSeconds,
            Videos = status.Videos,
            FailureCode = status.FailureCode,
            FailureMessage = status.FailureMessage,
            ServerSideFailure = status.ServerSideFailure,
            RetryAfterSeconds = status.RetryAfter?.TotalSeconds,
            ProviderCredits = status.CreditsReserved,
            CanCancel = status.CanCancel,
            ObservedAt = DateTimeOffset.UtcNow,
        });
    }

    /// <summary>
    /// Waits for this key's turn under its rate limit. False when the check waited past its <c>NotAfter</c>: the saga
    /// has asked again by then, so this one is dropped instead of spending a second query on the same question.
    /// </summary>
    private async Task<bool> WaitTurnAsync(CheckTaskStatus check, CancellationToken cancellationToken)
    {
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (check.NotAfter is { } notAfter)
            expiry.CancelAfter(notAfter - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
        try
        {
            await rateGate.WaitTurnAsync(check.Provider, ProviderCallKind.Query, check.LikelyDoneAt ?? DateTimeOffset.MinValue, expiry.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Check of {RequestId} found no turn before {NotAfter}; the saga's newer check replaces it", check.RequestId, check.NotAfter);
            Activity.Current?.SetTag(PlatformTelemetry.Tags.Outcome, "dropped");
            return false;
        }
    }

    /// <summary>
    /// Our own span around the query, saying what the answer meant; the HTTP span beneath has only its status code.
    /// Whatever the adapter throws (provider data it did not foresee) is one failed query, asked again later: a fault
    /// would retry at once, then dead-letter the check, and a finished video would wait for its deadline. Only the
    /// host's own cancellation goes through.
    /// </summary>
    private async Task<ProviderTaskStatus> QueryAsync(IVideoModel model, CheckTaskStatus check, CancellationToken cancellationToken)
    {
        using var span = PlatformTelemetry.ActivitySource.StartActivity("provider query")
            ?.SetTag(PlatformTelemetry.Tags.RequestId, check.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, model.Provider)
            .SetTag(PlatformTelemetry.Tags.Model, model.Model)
            .SetTag(PlatformTelemetry.Tags.ProviderTaskId, check.ProviderTaskId);
        ProviderTaskStatus status;
        try
        {
            status = await model.QueryAsync(check.ProviderTaskId, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "{Provider} {Model} adapter failed on the answer for task {ProviderTaskId} of {RequestId}; asking again later",
                model.Provider, model.Model, check.ProviderTaskId, check.RequestId);
            status = ProviderTaskStatus.Unreachable($"the adapter could not use the provider's answer: {e.GetType().Name}: {e.Message}");
        }
        span?.SetTag(PlatformTelemetry.Tags.Outcome, status.State.ToString());
        return status;
    }
}
