using System.Text.Json;
using ProviderSimulator.Api;

namespace ProviderSimulator.Tasks;

/// <summary>
/// One submitted task. Its state is not stored but derived from the time since submit, so nothing has to run for
/// a task to progress and a task observed twice at the same moment always looks the same.
/// </summary>
/// <param name="Request">The submitted body, for provider-specific echoes such as EvoLink's billed duration.</param>
/// <param name="RequestId">The caller's <c>X-Request-Id</c> at submit, if any.</param>
public sealed class SimTask(
    string id,
    Provider provider,
    string model,
    DateTimeOffset submittedAt,
    Behavior behaviors,
    JsonElement request,
    string? requestId,
    TaskTiming timing)
{
    private static readonly Behavior[] QueryFaultsInOrder =
    [
        Behavior.Query404Once, Behavior.Query429Once, Behavior.Query500Once,
        Behavior.QueryMalformedOnce, Behavior.UnknownStatusOnce,
    ];

    private readonly Lock gate = new();
    private Behavior unusedQueryFaults = behaviors;
    private bool mediaCut;
    private int queries;

    public string Id { get; } = id;
    public Provider Provider { get; } = provider;
    public string Model { get; } = model;
    public DateTimeOffset SubmittedAt { get; } = submittedAt;
    public Behavior Behaviors { get; } = behaviors;
    public JsonElement Request { get; } = request;
    public string? RequestId { get; } = requestId;
    public TaskTiming Timing { get; } = timing;

    /// <summary>When the task turns succeeded or failed; never for a stuck task.</summary>
    public DateTimeOffset? CompletesAt { get; } = behaviors.HasFlag(Behavior.Stuck)
        ? null
        : submittedAt.AddSeconds(timing.PendingSeconds + timing.GenerationSeconds);

    /// <summary>Queries that found this task, simulated query faults included.</summary>
    public int Queries => Volatile.Read(ref queries);

    public void CountQuery() => Interlocked.Increment(ref queries);

    /// <summary>The next requested query fault not yet served, or <see cref="Behavior.None"/>; each fires once.</summary>
    public Behavior TakeQueryFault()
    {
        lock (gate)
        {
            foreach (var fault in QueryFaultsInOrder)
            {
                if (unusedQueryFaults.HasFlag(fault))
                {
                    unusedQueryFaults &= ~fault;
                    return fault;
                }
            }
            return Behavior.None;
        }
    }

    /// <summary>True the first time only, for <see cref="Behavior.MediaCutOnce"/>: that download is the one cut short.</summary>
    public bool TakeMediaCut()
    {
        lock (gate)
        {
            if (mediaCut || !Behaviors.HasFlag(Behavior.MediaCutOnce))
                return false;
            mediaCut = true;
            return true;
        }
    }

    /// <param name="configured">
    /// The configured timings, for the seconds-left estimate only: a provider's ETA is a guess from typical times,
    /// not this task's own, so a client cannot read the real completion time from it.
    /// </param>
    public TaskSnapshot Observe(SimulatorOptions configured, DateTimeOffset now)
    {
        var elapsed = (now - SubmittedAt).TotalSeconds;
        var secondsLeft = (int)Math.Ceiling(Math.Max(0, configured.PendingSeconds + configured.GenerationSeconds - elapsed));
        var generating = elapsed - Timing.PendingSeconds;

        if (generating < 0)
            return new TaskSnapshot(TaskPhase.Pending, 0, secondsLeft, null);

        // A stuck task keeps reporting processing; progress stops short of 100 so it never looks finished.
        if (CompletesAt is not { } completesAt || now < completesAt)
        {
            var progress = (int)Math.Min(99, generating / Timing.GenerationSeconds * 100);
            return new TaskSnapshot(TaskPhase.Processing, progress, secondsLeft, null);
        }

        var phase = Behaviors.HasFlag(Behavior.Fail) ? TaskPhase.Failed : TaskPhase.Succeeded;
        return new TaskSnapshot(phase, 100, 0, completesAt);
    }
}
