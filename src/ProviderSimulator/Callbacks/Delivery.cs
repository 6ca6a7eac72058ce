using ProviderSimulator.Tasks;

namespace ProviderSimulator.Callbacks;

/// <summary>One callback on its way, from its first attempt to its last.</summary>
/// <param name="PublicBase">The submit request's, as a callback has no request to take media links from.</param>
/// <param name="Epoch">Cancelled by <c>/_sim/reset</c>, which abandons every delivery scheduled before it.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="Body">Rendered at the first attempt and resent unchanged, as a terminal task no longer changes.</param>
public sealed record Delivery(
    SimTask Task,
    Uri Target,
    string PublicBase,
    CallbackStyle Style,
    CancellationToken Epoch,
    int Attempt = 1,
    byte[]? Body = null);
