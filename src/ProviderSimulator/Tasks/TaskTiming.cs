namespace ProviderSimulator.Tasks;

/// <summary>How long one task stays pending and then generates, fixed at submit; seconds, fractions allowed.</summary>
public sealed record TaskTiming(double PendingSeconds, double GenerationSeconds);
