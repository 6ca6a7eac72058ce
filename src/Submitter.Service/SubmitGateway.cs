using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>
/// Calls a provider's submit, repeating only when the provider provably did not take the task
/// (connect failure, 429, 503), and honouring its Retry-After within a bound.
/// </summary>
public sealed class SubmitGateway(
    IOptions<SubmitterOptions> options, ProviderRateGate rateGate, SubmissionStore store, TimeProvider time, ILogger<SubmitGateway> logger)
{
    public async Task<SubmitOutcome> SubmitAsync(IVideoModel model, GenerateVideo command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var maxWait = TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SubmitOnceAsync(model, command, attempt, cancellationToken);
            if (outcome.Kind != SubmitOutcomeKind.Retryable || attempt >= settings.RetryableAttempts)
                return outcome;

            var wait = outcome.RetryAfter ?? TimeSpan.FromSeconds(attempt);
            if (wait > maxWait)
                return outcome;
            logger.LogInformation("{Provider} refused {RequestId} before accepting it ({Message}); retrying in {Wait}",
                model.Provider, command.RequestId, outcome.Message, wait);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task<SubmitOutcome> SubmitOnceAsync(IVideoModel model, GenerateVideo command, int attempt, CancellationToken cancellationToken)
    {
        // Within the key's rate limit, ahead of any waiting status query.
        await rateGate.WaitTurnAsync(model.Provider, ProviderCallKind.Submit, time.GetUtcNow(), cancellationToken);
        // The stale-submit sweeper measures from the call itself, not from a wait in the queue before it; without a
        // limit there is no such wait, and no reason for a database write on every submit.
        if (rateGate.IsLimited(model.Provider))
            await store.MarkCallingAsync(command.RequestId, cancellationToken);

        using var span = SubmitterTelemetry.StartSubmit(model, command, attempt);
        var outcome = await model.SubmitAsync(command.RequestId, command.Options ?? new VideoOptions(), cancellationToken);
        SubmitterTelemetry.Answered(span, outcome);
        if (outcome is { Kind: SubmitOutcomeKind.Retryable, RetryAfter: { } retryAfter })
            await rateGate.SlowDownAsync(model.Provider, retryAfter, cancellationToken);
        return outcome;
    }
}
