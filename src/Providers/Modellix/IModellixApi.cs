using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix's HTTP API: one submit route per model, one task query for all of them.</summary>
public interface IModellixApi
{
    Task<SubmitOutcome> SubmitAsync(string submitPath, JsonObject body, Guid requestId, CancellationToken cancellationToken);

    Task<ProviderTaskStatus> GetTaskAsync(string taskId, CancellationToken cancellationToken);
}
