namespace ProviderSimulator.Tasks;

/// <summary>What <c>GET /_sim/stats</c> reports.</summary>
/// <param name="Submits">Authenticated submit requests, whatever their outcome (rejected by a simulated fault too).</param>
/// <param name="SubmitsByRequest">The same, counted per <c>X-Request-Id</c> header value.</param>
/// <param name="Queries">Authenticated task queries, whatever their outcome.</param>
/// <param name="Tasks">Tasks recorded (accepted submits, hung ones included).</param>
/// <param name="MediaRequests">Media downloads per path, in arrival order: each its <c>Range</c> header, "" when none.</param>
public sealed record SimStats(
    int Submits,
    IReadOnlyDictionary<string, int> SubmitsByRequest,
    int Queries,
    int Tasks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> MediaRequests);
