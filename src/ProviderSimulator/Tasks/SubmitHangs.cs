using Microsoft.Extensions.Options;

namespace ProviderSimulator.Tasks;

/// <summary>Picks the accepted submits whose answer is held back (<see cref="SimulatorOptions.SubmitHangShare"/>).</summary>
public sealed class SubmitHangs(IOptions<SimulatorOptions> options)
{
    private readonly Random? seeded = options.Value.Seed is { } seed ? new Random(seed) : null;
    private readonly Lock gate = new();

    /// <summary>How long this submit's answer waits; zero for most.</summary>
    public TimeSpan Next()
    {
        var settings = options.Value;
        if (settings.SubmitHangShare <= 0 || Draw() >= settings.SubmitHangShare)
            return TimeSpan.Zero;
        return TimeSpan.FromSeconds(settings.SubmitHangSeconds);
    }

    // A seeded Random is not thread-safe; Random.Shared is, but cannot be seeded.
    private double Draw()
    {
        if (seeded is null)
            return Random.Shared.NextDouble();
        lock (gate)
            return seeded.NextDouble();
    }
}
