using System.Text.Json;
using ProviderSimulator.Api;

namespace ProviderSimulator.Tasks;

/// <summary>
/// One submitted task. Its state is not stored but derived from the time since submit, so there is
/// no background worker and a task observed twice at the same moment always looks the same.
/// </summary>
/// <param name="Request">The submitted body, for provider-specific echoes such as EvoLink's billed duration.</param>
public sealed class SimTask(
    string id, Provider provider, string model, DateTimeOffset submittedAt, Behavior behaviors, JsonElement request)
{
    private static readonly Behavior[] QueryFaultsInOrder =
    [
        Behavior.Query404Once, Behavior.Query429Once, Behavior.Query500Once,
        Behavior.QueryMalformedOnce, Behavior.UnknownStatusOnce,
    ];

    private readonly Lock gate = new();
    private Behavior unusedQueryFaults = behaviors;
    private bool mediaCut;

    public string Id { get; } = id;
    public Provider Provider { get; } = provider;
    public string Model { get; } = model;
    public DateTimeOffset SubmittedAt { get; } = submittedAt;
    public Behavior Behaviors { get; } = behaviors;
    public JsonElement Request { get; } = request;

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

    public TaskSnapshot Observe(SimulatorOptions timing, DateTimeOffset now)
    {
        var total = timing.PendingSeconds + timing.GenerationSeconds;
        var elapsed = (now - SubmittedAt).TotalSeconds;
        var secondsLeft = (int)Math.Ceiling(Math.Max(0, total - elapsed));
        var generating = elapsed - timing.PendingSeconds;

        if (generating < 0)
            return new TaskSnapshot(TaskPhase.Pending, 0, secondsLeft, null);

        // A stuck task keeps reporting processing; progress stops short of 100 so it never looks finished.
        if (generating < timing.GenerationSeconds || Behaviors.HasFlag(Behavior.Stuck))
        {
            var progress = (int)Math.Min(99, generating / timing.GenerationSeconds * 100);
            return new TaskSnapshot(TaskPhase.Processing, progress, secondsLeft, null);
        }

        var phase = Behaviors.HasFlag(Behavior.Fail) ? TaskPhase.Failed : TaskPhase.Succeeded;
        return new TaskSnapshot(phase, 100, 0, SubmittedAt.AddSeconds(total));
    }
}
