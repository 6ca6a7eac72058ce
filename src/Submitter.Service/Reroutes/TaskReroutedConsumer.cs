using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Slots;

namespace VideoPlatform.Submitter.Reroutes;

/// <summary>
/// A provider failed a task on its own side and the request allows a reroute (the poller said so with
/// <see cref="TaskRerouted"/>): the request goes in line for the next endpoint of its route, naming it, so the line's
/// usual path submits it (and a limited key's slots still hold); with no further endpoint, it fails with the provider's
/// reason. Seen again, the event changes nothing: the record no longer holds the failed task.
/// </summary>
public sealed class TaskReroutedConsumer(
    SubmissionStore store,
    SlotLine line,
    SlotDispatcher dispatcher,
    ProviderRouter router,
    ProviderSlots slots,
    ExistingSubmissions settle,
    WaitingAnnouncer waiting,
    TimeProvider time,
    ILogger<TaskReroutedConsumer> logger) : IConsumer<TaskRerouted>
{
    public async Task Consume(ConsumeContext<TaskRerouted> context)
    {
        var failed = context.Message;
        var ct = context.CancellationToken;
        var record = await store.FindAsync(failed.RequestId, ct);
        if (record is not { ReroutesOnProviderFailure: true } || record.ProviderTaskId != failed.ProviderTaskId
            || await line.KeptCommandAsync(failed.RequestId, ct) is not { } kept)
        {
            logger.LogInformation("Reroute of {RequestId} after {Provider} task {ProviderTaskId} was handled already", failed.RequestId, failed.Provider, failed.ProviderTaskId);
            return;
        }

        var why = $"{failed.Provider} {failed.Model} failed the task on its side: {failed.Reason}" + (failed.ProviderFailureCode is { } code ? $" ({code})" : "");
        WaitingCommand.TryRead(kept, out var command, out _);
        var usable = command is null ? [] : router.Candidates(command).Where(m => m.Validate(command.Options ?? new VideoOptions()).Count == 0).ToList();
        if (command is null || RerouteRoute.NextAfter(usable, failed.Provider, failed.Model) is not { } next)
        {
            var end = command is null ? "; its kept command could not be read back to send it on" : "; no further endpoint of the route takes the request";
            if (await store.RecordRerouteImpossibleAsync(failed.RequestId, failed.ProviderTaskId, why + end, time.GetUtcNow(), ct))
                dispatcher.Wake();
            await settle.AnnounceRecordedAsync(failed.RequestId, ct);
            return;
        }

        // Named, so the line's usual path submits it there and nowhere else; a second failure ends it.
        var onward = WaitingCommand.For(command with { Provider = next.Provider, Model = next.Model, RerouteOnProviderFailure = null }, command.Caller ?? Pricing.CallerName.Default)
            with { Priority = WaitingPriority.Rank(RequestPriorities.Interactive) };
        if (!await line.RerouteAsync(failed.RequestId, failed.ProviderTaskId, slots.Route([next])[0], onward, time.GetUtcNow(), ct))
            return;
        logger.LogWarning("{Why}; {RequestId} goes on to {Provider} {Model}", why, failed.RequestId, next.Provider, next.Model);
        dispatcher.Wake();
        if (await store.FindAsync(failed.RequestId, ct) is { Status: SubmissionStatus.Waiting } inLine)
            await waiting.AnnounceAsync(inLine, ct);
    }
}
