using System.Text.Json.Serialization;
using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Poller.Tasks;

/// <summary>One request's polling state. Data only; the machine decides.</summary>
public class VideoTaskState : SagaStateMachineInstance, ISagaVersion
{
    /// <summary>The caller's request id.</summary>
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    public string ProviderTaskId { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset DeadlineAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public int Rechecks { get; set; }
    public int NotFoundInARow { get; set; }
    public int? ProgressPercent { get; set; }

    /// <summary>When <see cref="ProgressPercent"/> was read, for the progress rate between two readings.</summary>
    public DateTimeOffset? ProgressObservedAt { get; set; }

    /// <summary>When the task should be done, by the best estimate so far (see RecheckPlanner).</summary>
    public DateTimeOffset? ExpectedDoneAt { get; set; }

    /// <summary>What <see cref="ExpectedDoneAt"/> rests on, which decides how far ahead a check may be aimed.</summary>
    public ExpectationSource ExpectedFrom { get; set; }

    /// <summary>Checks in a row that found the task still open after <see cref="ExpectedDoneAt"/>: the backoff step.</summary>
    public int ChecksPastExpected { get; set; }
    public string? LastRawStatus { get; set; }

    public string? FailureCode { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>What the provider last said it holds or charged for the task, in its credits (EvoLink).</summary>
    public double? ProviderCredits { get; set; }

    /// <summary>What the provider last said about cancelling the task on its side (EvoLink).</summary>
    public bool? ProviderCanCancel { get; set; }

    /// <summary>Who the request is for, and the submitter's estimate of its cost from the price table (TaskSubmitted).</summary>
    public string? Caller { get; set; }

    /// <summary>When the request began waiting for a provider slot, and its place then (from <c>TaskQueued</c>).</summary>
    public DateTimeOffset? QueuedAt { get; set; }
    public int? QueuePosition { get; set; }
    public double? EstimatedCost { get; set; }
    public string? Currency { get; set; }

    /// <summary>
    /// The message that ended the task. Only a redelivery of it (the process died between commit and outbox) announces
    /// the outcome again; any other late message, such as a second status answer, changes nothing.
    /// </summary>
    public Guid? EndedByMessageId { get; set; }

    /// <summary>A failure on the provider's side sends the request on to the next endpoint of its route (from TaskSubmitted); once only.</summary>
    public bool ReroutesOnProviderFailure { get; set; }

    /// <summary>The task a reroute left behind, named by <see cref="TaskRerouted"/>; a replay of its TaskSubmitted changes nothing.</summary>
    public string? ReroutedFromProvider { get; set; }
    public string? ReroutedFromModel { get; set; }
    public string? ReroutedFromTaskId { get; set; }

    /// <summary>The status answer that sent the request on: only a redelivery of it (the process died before its
    /// <see cref="TaskRerouted"/> went out) announces the reroute again.</summary>
    public Guid? ReroutedByMessageId { get; set; }

    /// <summary>The result videos once completed, kept so the outcome can be announced again.</summary>
    public List<VideoResult> Videos { get; set; } = [];

    /// <summary>Where the archiver stored the videos, from <see cref="VideoArchived"/>; answers "where is my video?".</summary>
    public List<ArchivedVideo> ArchivedVideos { get; set; } = [];

    public string? ArchiveFailureCode { get; set; }
    public string? ArchiveFailureReason { get; set; }

    /// <summary>Optimistic concurrency: bumped on every stored change.</summary>
    public int Version { get; set; }

    /// <summary>
    /// When the provider is to be asked next; null once the task has ended. Stored in its own column, not in the
    /// document, because <see cref="DueChecks.DueCheckDispatcher"/> claims due rows by it (and moves it forward while a
    /// check is out, so a lost check is asked again).
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? NextCheckAt { get; set; }

    /// <summary>The trace context of the step that set <see cref="NextCheckAt"/>, so the check it leads to is in the request's trace.</summary>
    public string? DueCheckTraceParent { get; set; }
}
