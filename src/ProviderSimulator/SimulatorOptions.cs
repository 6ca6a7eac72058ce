using System.ComponentModel.DataAnnotations;

namespace ProviderSimulator;

/// <summary>Timings of the simulated task lifecycle (section "Simulator"); seconds, fractions allowed.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>Time a task stays pending after submit.</summary>
    [Range(0.0, 86400.0)]
    public double PendingSeconds { get; set; } = 1;

    /// <summary>Time from processing to success or failure; progress grows linearly over it.</summary>
    [Range(0.01, 86400.0)]
    public double GenerationSeconds { get; set; } = 3;

    /// <summary>How long a <c>submit-hang</c> submit withholds its response: longer than a client's timeout.</summary>
    [Range(0.0, 86400.0)]
    public double HangSeconds { get; set; } = 30;

    /// <summary>Size of the file a <c>media-large</c> task's result points at: above the archiver's default 4 GiB limit.</summary>
    [Range(1L << 20, long.MaxValue)]
    public long LargeMediaBytes { get; set; } = 5L << 30;
}
