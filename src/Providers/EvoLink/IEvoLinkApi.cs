using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>EvoLink's HTTP API: one generations route for every model (named in the body), one task query.</summary>
public interface IEvoLinkApi
{
    Task<SubmitOutcome> SubmitAsync(JsonObject body, Guid requestId, CancellationToken cancellationToken);

    Task<ProviderTaskStatus> GetTaskAsync(string taskId, CancellationToken cancellationToken);
}
