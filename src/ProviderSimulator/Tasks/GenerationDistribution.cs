namespace ProviderSimulator.Tasks;

/// <summary>How tasks' generation times vary around <see cref="SimulatorOptions.GenerationSeconds"/>.</summary>
public enum GenerationDistribution
{
    /// <summary>Every task takes exactly GenerationSeconds.</summary>
    Fixed,

    /// <summary>Uniform over GenerationSeconds ± GenerationSpreadSeconds.</summary>
    Uniform,

    /// <summary>Log-normal with median GenerationSeconds and sigma GenerationSigma: mostly near, a long tail of slow ones.</summary>
    LogNormal,
}
