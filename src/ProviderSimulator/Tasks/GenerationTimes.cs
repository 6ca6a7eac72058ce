using Microsoft.Extensions.Options;

namespace ProviderSimulator.Tasks;

/// <summary>Draws each task's generation time at submit, from the configured distribution.</summary>
public sealed class GenerationTimes(IOptions<SimulatorOptions> options)
{
    /// <summary>No draw is shorter, whatever the spread, so a task is never finished the instant it starts.</summary>
    public const double ShortestSeconds = 0.1;

    /// <summary>No draw is longer than this many medians, so a lognormal tail cannot stall a benchmark.</summary>
    public const double LongestInMedians = 10;

    private readonly Random? seeded = options.Value.Seed is { } seed ? new Random(seed) : null;
    private readonly Lock gate = new();

    public double Next()
    {
        var settings = options.Value;
        var median = settings.GenerationSeconds;
        return settings.GenerationDistribution switch
        {
            // Unclamped, so fixed stays exactly GenerationSeconds even below the shortest draw.
            GenerationDistribution.Fixed => median,
            GenerationDistribution.Uniform => Clamp(median + (2 * NextUniform() - 1) * settings.GenerationSpreadSeconds, median),
            GenerationDistribution.LogNormal => Clamp(median * Math.Exp(settings.GenerationSigma * NextStandardNormal()), median),
            _ => throw new ArgumentOutOfRangeException(nameof(options), settings.GenerationDistribution, null),
        };
    }

    private static double Clamp(double seconds, double median) =>
        Math.Clamp(seconds, Math.Min(ShortestSeconds, median), LongestInMedians * median);

    /// <summary>Box–Muller; both uniforms are taken in one locked step so a seeded sequence stays reproducible.</summary>
    private double NextStandardNormal()
    {
        var (u1, u2) = Sample(random => (1 - random.NextDouble(), random.NextDouble()));
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private double NextUniform() => Sample(random => random.NextDouble());

    // A seeded Random is not thread-safe; Random.Shared is, but cannot be seeded.
    private T Sample<T>(Func<Random, T> draw)
    {
        if (seeded is null)
            return draw(Random.Shared);
        lock (gate)
            return draw(seeded);
    }
}
