using Microsoft.Extensions.Options;
using VideoPlatform.Providers;

namespace VideoPlatform.Submitter.Slots;

/// <summary>Each endpoint's limit of tasks in flight, from <see cref="ProviderOptions.MaxTasksInFlight"/> (read on every use, so a change applies at once).</summary>
public sealed class ProviderSlots(IOptionsMonitor<ProviderOptions> providers)
{
    public int? LimitOf(string provider) =>
        ProviderNames.SectionOf(provider) is { } section && providers.Get(section).MaxTasksInFlight is > 0 and var limit ? limit : null;

    public IReadOnlyList<CandidateEndpoint> Route(IEnumerable<IVideoModel> models) =>
        models.Select(m => new CandidateEndpoint(m.Provider, m.Model, LimitOf(m.Provider))).ToList();
}
