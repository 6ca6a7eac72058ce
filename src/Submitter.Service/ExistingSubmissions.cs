using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>
/// What a command for a request that already has a record gets: a finished outcome is announced again (it may never
/// have reached the broker), a call cut off by a dead holder is failed as unknown, and a delivery still at work is
/// waited for. The provider is never called from here.
/// </summary>
public sealed class ExistingSubmissions(SubmissionStore store, OutcomeAnnouncer announcer, TimeProvider time, ILogger<ExistingSubmissions> logger)
{
    public const string CutOffReason = "the submitter stopped while calling the provider, so whether the provider took the task is unknown; " +
                                       "not resubmitted so it cannot be billed twice — check the provider's console";

    public async Task ExistingAsync(Submission existing, CancellationToken ct)
    {
        if (existing.IsFinished)
        {
            await announcer.AnnounceAsync(existing, ct);
            logger.LogInformation("Request {RequestId} seen again: announced its {Status} outcome again without calling the provider", existing.RequestId, existing.Status);
            return;
        }
        if (existing.Status == SubmissionStatus.Submitting && existing.LeaseExpiredAt(time.GetUtcNow()))
        {
            await FailCutOffCallAsync(existing, ct);
            return;
        }
        // Claimed or calling by a delivery still alive: its outcome comes soon, and this delivery replays it then.
        throw new SubmissionBusyException(existing.RequestId, existing.Status);
    }

    /// <summary>Fails a call whose holder died during it, and announces that, unless a live holder settled it first.</summary>
    public async Task FailCutOffCallAsync(Submission call, CancellationToken ct)
    {
        if (await store.FailCutOffCallAsync(call.RequestId, CutOffReason, time.GetUtcNow(), ct))
        {
            PlatformMetrics.RequestFinished(call.Provider, call.Model, PlatformMetrics.Outcomes.Failed, FailureReasons.SubmitUnknown);
            logger.LogWarning("Request {RequestId} was cut off mid-submit; failed it as {ReasonCode}", call.RequestId, FailureReasons.SubmitUnknown);
        }
        await AnnounceRecordedAsync(call.RequestId, ct);
    }

    /// <summary>Announces the request's outcome as recorded now.</summary>
    public async Task AnnounceRecordedAsync(Guid requestId, CancellationToken ct)
    {
        var recorded = await store.FindAsync(requestId, ct);
        if (recorded is { IsFinished: true })
            await announcer.AnnounceAsync(recorded, ct);
        else
            throw new SubmissionBusyException(requestId, recorded?.Status ?? "unknown");
    }
}
