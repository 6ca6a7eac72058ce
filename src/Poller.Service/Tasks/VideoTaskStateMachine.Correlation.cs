using MassTransit;

namespace VideoPlatform.Poller.Tasks;

public sealed partial class VideoTaskStateMachine
{
    /// <summary>Every event belongs to the request it names; and what becomes of one for a request this poller does not know.</summary>
    private void CorrelateEvents()
    {
        Event(() => Submitted, e => e.CorrelateById(m => m.Message.RequestId));
        Event(() => QueuedForSlot, e => e.CorrelateById(m => m.Message.RequestId));
        Event(() => StatusObserved, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => CancelRequested, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            e.OnMissingInstance(m => m.ExecuteAsync(c => c.RespondAsync(VideoTaskEvents.CancelNotFound(c.Message.RequestId))));
        });
        Event(() => CallbackReceived, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            // Also what a forged call for an unknown request comes to.
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => RequestRejected, e => e.CorrelateById(m => m.Message.RequestId));
        // The submitter's TaskFailed, when no provider took the request; the saga's own come back here too, ignored.
        Event(() => SubmitFailed, e => e.CorrelateById(m => m.Message.RequestId));
        // The archiver's outcome is recorded so a status query can say where the video is.
        Event(() => Archived, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => ArchivingFailed, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => Recheck, e =>
        {
            e.CorrelateById(m => m.Message.RequestId);
            // A recheck for a task this poller no longer tracks has nothing left to do.
            e.OnMissingInstance(m => m.Discard());
        });
    }
}
