using VideoPlatform.Providers;

namespace ProviderSimulator.Tests.Support;

/// <summary>One task run through an adapter: its id at the provider and every status seen, the last one terminal.</summary>
public sealed record SimulatedRun(string TaskId, IReadOnlyList<ProviderTaskStatus> Seen)
{
    public ProviderTaskStatus Done => Seen[^1];
}
