namespace VideoPlatform.Submitter.Slots;

/// <summary>An endpoint a request may go to, with its key's limit of tasks in flight (null: none).</summary>
public sealed record CandidateEndpoint(string Provider, string Model, int? MaxTasksInFlight);

/// <summary>
/// The claim's answer: the endpoint it holds (with a slot, where its key has a limit), or the record that was there
/// already (finished, at work elsewhere, or waiting in line). <paramref name="Rerouted"/>: the claim is a rerouted
/// request's admission, to be submitted at that endpoint only, whichever copy of its command claimed it.
/// </summary>
public sealed record ClaimResult(CandidateEndpoint? Claimed, Intake.Submission? Existing, bool Rerouted = false);
