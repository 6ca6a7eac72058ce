using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter.Slots;

/// <summary>Tells the caller its request waits for a slot, and where it stands; said again whenever its command is seen again.</summary>
public sealed class WaitingAnnouncer(IBus bus, SlotLine line, TimeProvider time, ILogger<WaitingAnnouncer> logger)
{
    public async Task AnnounceAsync(Submission waiting, CancellationToken ct)
    {
        var place = await line.PlaceAsync(waiting.RequestId, waiting.Provider, time.GetUtcNow(), ct);
        if (place is null)
            return; // admitted meanwhile: TaskSubmitted follows
        await bus.Publish(new TaskQueued
        {
            RequestId = waiting.RequestId,
            Provider = waiting.Provider,
            Model = waiting.Model,
            Caller = waiting.Caller,
            QueuedAt = new DateTimeOffset(waiting.QueuedAt ?? waiting.CreatedAt, TimeSpan.Zero),
            Position = place.Value,
            Reason = waiting.WaitingReason ?? SlotLine.Reasons.SlotsFull,
        }, ct);
        logger.LogInformation("Request {RequestId} waits for a {Provider} slot ({Reason}), place {Place}",
            waiting.RequestId, waiting.Provider, waiting.WaitingReason, place);
    }
}
