namespace ProviderSimulator.Tasks;

/// <summary>Provider-neutral task state; each provider words it its own way.</summary>
public enum TaskPhase
{
    Pending,
    Processing,
    Succeeded,
    Failed,

    /// <summary>Reported as <see cref="Behaviors.UnknownStatus"/> when a test asked for an unknown status.</summary>
    Unknown,
}
