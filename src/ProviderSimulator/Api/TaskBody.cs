using ProviderSimulator.Tasks;

namespace ProviderSimulator.Api;

/// <summary>
/// A provider's task-query body. One function serves both the query and the callback, so a callback carries
/// exactly what a query at that moment would return.
/// </summary>
/// <param name="publicBase">Where the simulator is reachable, for media links (see <see cref="PublicUrls.PublicBase"/>).</param>
public delegate object TaskBody(SimTask task, TaskSnapshot snapshot, string publicBase, SimulatorOptions options);
