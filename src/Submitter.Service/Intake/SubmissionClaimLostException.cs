namespace VideoPlatform.Submitter.Intake;

/// <summary>Another delivery took the request over, or it was settled, before this one's provider call: nothing to do here.</summary>
public sealed class SubmissionClaimLostException(Guid requestId)
    : Exception($"Request {requestId} is no longer held by this delivery; no provider call was made by it");
