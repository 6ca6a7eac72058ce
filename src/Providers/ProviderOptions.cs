using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Providers;

/// <summary>
/// Where a provider lives and how to authenticate: section <c>Providers:&lt;Name&gt;</c>
/// (env <c>Providers__Modellix__BaseUrl</c>, <c>Providers__Modellix__ApiKey</c>). Switching from the simulator
/// to the real provider is a change of these two values only.
/// </summary>
public sealed class ProviderOptions
{
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>Bearer key. Never logged or traced.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How long a submit may take before its outcome counts as unknown.</summary>
    [Range(1, 600)]
    public int SubmitTimeoutSeconds { get; set; } = 30;

    [Range(1, 600)]
    public int QueryTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// The largest answer body read from this provider. A bigger one is not buffered: it counts as an answer that
    /// cannot be read (a submit's outcome is then unknown; a query is asked again later). 1 MiB by default.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The provider's limit for this key (Modellix 100–1000 by tier, Novita about 20 for video models); 0 means none
    /// is known and calls are not paced. Submits and status queries share it.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RequestsPerMinute { get; set; }

    /// <summary>
    /// How many tasks this key may have unfinished at the provider at once (Modellix 2–100 by tier); 0 means no limit.
    /// Requests past it wait their turn in PostgreSQL and are submitted as this key's tasks end.
    /// </summary>
    [Range(0, 100_000)]
    public int MaxTasksInFlight { get; set; }
}
