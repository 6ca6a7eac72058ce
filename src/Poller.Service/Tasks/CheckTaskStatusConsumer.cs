using System.Diagnostics;
using MassTransit;
using VideoPlatform.Providers;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tasks;

/// <summary>Asks the provider where a task is and reports the answer to the saga.</summary>
public sealed class CheckTaskStatusConsumer(VideoModelCatalog catalog, ILogger<CheckTaskStatusConsumer> logger) : IConsumer<CheckTaskStatus>
{
    public async Task Consume(ConsumeContext<CheckTaskStatus> context)
    {
        var check = context.Message;
        Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, check.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, check.Provider)
            .SetTag(PlatformTelemetry.Tags.Model, check.Model)
            .SetTag(PlatformTelemetry.Tags.ProviderTaskId, check.ProviderTaskId);

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

        Activity.Current?.SetTag(PlatformTelemetry.Tags.Outcome, status.State.ToString());
        await context.Publish(new TaskStatusObserved
        {
            RequestId = check.RequestId,
            State = status.State,
            RawStatus = status.RawStatus,
            ProgressPercent = status.ProgressPercent,
            Videos = status.Videos,
            FailureCode = status.FailureCode,
            FailureMessage = status.FailureMessage,
            RetryAfterSeconds = status.RetryAfter?.TotalSeconds,
            ObservedAt = DateTimeOffset.UtcNow,
        });
    }

    /// <summary>Our own span around the query, saying what the answer meant; the HTTP span beneath has only its status code.</summary>
    private static async Task<ProviderTaskStatus> QueryAsync(IVideoModel model, CheckTaskStatus check, CancellationToken cancellationToken)
    {
        using var span = PlatformTelemetry.ActivitySource.StartActivity("provider query")
            ?.SetTag(PlatformTelemetry.Tags.RequestId, check.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, model.Provider)
            .SetTag(PlatformTelemetry.Tags.Model, model.Model)
            .SetTag(PlatformTelemetry.Tags.ProviderTaskId, check.ProviderTaskId);
        var status = await model.QueryAsync(check.ProviderTaskId, cancellationToken);
        span?.SetTag(PlatformTelemetry.Tags.Outcome, status.State.ToString());
        return status;
    }
}
