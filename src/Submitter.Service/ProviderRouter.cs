using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Submitter;

/// <summary>Which endpoints may take a command, in the order to try them.</summary>
public sealed class ProviderRouter(VideoModelCatalog catalog, IOptions<RoutingOptions> options)
{
    public IReadOnlyList<IVideoModel> Candidates(GenerateVideo command)
    {
        if (!string.IsNullOrWhiteSpace(command.Provider))
            return catalog.Find(command.Provider, command.Model) is { } named ? [named] : [];

        if (options.Value.Routes.TryGetValue(command.Model?.Trim() ?? "", out var route))
            return route
                .Select(endpoint => endpoint.Split('/', 2, StringSplitOptions.TrimEntries))
                .Select(parts => catalog.Find(parts[0], parts.ElementAtOrDefault(1)))
                .OfType<IVideoModel>()
                .ToList();

        // A model name only one provider offers needs no route.
        var offering = catalog.All.Where(m => m.Model.Equals(command.Model?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return offering.Count == 1 ? offering : [];
    }
}
