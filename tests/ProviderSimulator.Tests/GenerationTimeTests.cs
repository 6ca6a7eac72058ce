using Microsoft.Extensions.Options;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Tests;

/// <summary>How each task's generation time is drawn.</summary>
public sealed class GenerationTimeTests
{
    [Fact]
    public void Fixed_is_exactly_the_configured_time_seed_or_not()
    {
        var unseeded = Times(GenerationDistribution.Fixed, median: 0.05);
        var seeded = Times(GenerationDistribution.Fixed, median: 0.05, seed: 3);

        Draw(unseeded, 100).ShouldAllBe(t => t == 0.05);
        Draw(seeded, 100).ShouldAllBe(t => t == 0.05);
    }

    [Theory]
    [InlineData(GenerationDistribution.Uniform)]
    [InlineData(GenerationDistribution.LogNormal)]
    public void Same_seed_gives_the_same_draws_and_another_seed_others(GenerationDistribution distribution)
    {
        var first = Draw(Times(distribution, seed: 42), 50);
        var again = Draw(Times(distribution, seed: 42), 50);
        var other = Draw(Times(distribution, seed: 43), 50);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
        first.Distinct().Count().ShouldBe(50);
    }

    [Fact]
    public void Uniform_spreads_over_the_median_plus_or_minus_the_spread()
    {
        var draws = Draw(Times(GenerationDistribution.Uniform, median: 10, spread: 4, seed: 1), 5000);

        draws.ShouldAllBe(t => t >= 6 && t <= 14);
        draws.Min().ShouldBeLessThan(6.1);
        draws.Max().ShouldBeGreaterThan(13.9);
        draws.Average().ShouldBe(10, tolerance: 0.2);
    }

    [Fact]
    public void Lognormal_has_the_configured_median()
    {
        var draws = Draw(Times(GenerationDistribution.LogNormal, median: 20, sigma: 0.5, seed: 5), 4001);

        draws.Order().ElementAt(2000).ShouldBe(20, tolerance: 1);
        // Right-skewed: the mean lies above the median, at about median × e^(σ²/2) ≈ 22.7.
        draws.Average().ShouldBe(22.7, tolerance: 1);
    }

    [Fact]
    public void Lognormal_tail_is_clamped_to_a_tenth_of_a_second_and_ten_medians()
    {
        var draws = Draw(Times(GenerationDistribution.LogNormal, median: 1, sigma: 3, seed: 9), 5000);

        draws.Min().ShouldBe(GenerationTimes.ShortestSeconds);
        draws.Max().ShouldBe(10);
        draws.ShouldContain(t => t > 0.1 && t < 10);
    }

    [Fact]
    public void Uniform_never_draws_below_a_tenth_of_a_second()
    {
        var draws = Draw(Times(GenerationDistribution.Uniform, median: 1, spread: 5, seed: 2), 1000);

        draws.Min().ShouldBe(GenerationTimes.ShortestSeconds);
        draws.Max().ShouldBeLessThanOrEqualTo(6);
    }

    [Fact]
    public void Without_a_seed_draws_still_vary()
    {
        var draws = Draw(Times(GenerationDistribution.LogNormal), 20);

        draws.Distinct().Count().ShouldBe(20);
    }

    private static GenerationTimes Times(
        GenerationDistribution distribution, double median = 3, double spread = 1, double sigma = 0.5, int? seed = null) =>
        new(Options.Create(new SimulatorOptions
        {
            GenerationDistribution = distribution,
            GenerationSeconds = median,
            GenerationSpreadSeconds = spread,
            GenerationSigma = sigma,
            Seed = seed,
        }));

    private static List<double> Draw(GenerationTimes times, int count) => Enumerable.Range(0, count).Select(_ => times.Next()).ToList();
}
