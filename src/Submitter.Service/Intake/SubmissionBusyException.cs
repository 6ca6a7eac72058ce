using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Submitter.Intake;

/// <summary>
/// Another delivery of the same request holds a live lease (a re-published command, or this one redelivered while the
/// first is still at work): its outcome is not known yet, so this delivery is retried later and then replays it.
/// </summary>
public sealed class SubmissionBusyException(Guid requestId, string status)
    : Exception($"Request {requestId} is {status} by another delivery that is still alive; trying again later"), ITransientFault;
