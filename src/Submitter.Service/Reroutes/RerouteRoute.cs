using VideoPlatform.Providers;

namespace VideoPlatform.Submitter.Reroutes;

/// <summary>Where a request goes after its endpoint failed the task on the provider's side: the next one of its route.</summary>
public static class RerouteRoute
{
    /// <param name="route">The endpoints that take the request, in the route's order.</param>
    public static IVideoModel? NextAfter(IReadOnlyList<IVideoModel> route, string provider, string model)
    {
        var failed = route.ToList().FindIndex(m => m.Provider.Equals(provider, StringComparison.OrdinalIgnoreCase)
                                                   && m.Model.Equals(model, StringComparison.OrdinalIgnoreCase));
        return failed >= 0 && failed + 1 < route.Count ? route[failed + 1] : null;
    }
}
