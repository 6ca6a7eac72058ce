using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>
/// Calls a provider's submit, repeating only when the provider provably did not take the task
/// (connect failure, 429, 503), and honouring its Retry-After within a bound. Each call is recorded as started
/// before it is made, and is made only while the delivery still holds the request.
/// </summary>
public sealed class SubmitGateway(
    IOptions<SubmitterOptions> options, ProviderRateGate rateGate, SubmissionStore store, TimeProvider time, ILogger<SubmitGateway> logger)
{
    public async Task<SubmitOutcome> SubmitAsync(IVideoModel model, GenerateVideo command, SubmissionLease lease, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var maxWait = TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SubmitOnceAsync(model, command, lease, attempt, cancellationToken);
            // A key at its limit of running tasks frees up when a task ends, not in seconds: that request waits in line.
            if (outcome.Kind != SubmitOutcomeKind.Retryable || outcome.AtConcurrencyLimit || attempt >= settings.RetryableAttempts)
                return outcome;

            var wait = outcome.RetryAfter ?? TimeSpan.FromSeconds(attempt);
            if (wait > maxWait)
                return outcome;
            logger.LogInformation("{Provider} refused {RequestId} before accepting it ({Message}); retrying in {Wait}",
                model.Provider, command.RequestId, outcome.Message, wait);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task<SubmitOutcome> SubmitOnceAsync(IVideoModel model, GenerateVideo command, SubmissionLease lease, int attempt, CancellationToken cancellationToken)
    {
        // Within the key's rate limit, ahead of any waiting status query; a delivery that lost the request stops waiting.
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost))
        {
            try
            {
                await rateGate.WaitTurnAsync(model.Provider, ProviderCallKind.Submit, time.GetUtcNow(), waiting.Token);
            }
            catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new SubmissionClaimLostException(command.RequestId);
            }
        }

        // The last moment before the call: past it, a crash leaves the outcome unknown; before it, a redelivery submits.
        if (!await store.BeginCallAsync(command.RequestId, lease.Owner, model.Provider, model.Model, time.GetUtcNow(), lease.Length, cancellationToken))
            throw new SubmissionClaimLostException(command.RequestId);

        SubmitOutcome outcome;
        using (var span = SubmitterTelemetry.StartSubmit(model, command, attempt))
        {
            outcome = await model.SubmitAsync(command.RequestId, command.Options ?? new VideoOptions(), cancellationToken);
            SubmitterTelemetry.Answered(span, outcome);
        }
        if (outcome is { Kind: SubmitOutcomeKind.Retryable, AtConcurrencyLimit: false, RetryAfter: { } retryAfter })
            await rateGate.SlowDownAsync(model.Provider, retryAfter, cancellationToken);

        // A refusal before acceptance took nothing: the request is claimed again, and may be called again.
        if (outcome.Kind is SubmitOutcomeKind.Retryable or SubmitOutcomeKind.InsufficientBalance &&
            !await store.EndRefusedCallAsync(command.RequestId, lease.Owner, time.GetUtcNow(), cancellationToken))
            throw new SubmissionClaimLostException(command.RequestId);
        return outcome;
    }
}
