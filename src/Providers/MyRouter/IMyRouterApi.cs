using System.Text.Json.Nodes;

namespace VideoPlatform.Providers.MyRouter;

/// <summary>MyRouter's HTTP API: one submit route per model under <c>/v3/async</c>, one task query for all of them.</summary>
public interface IMyRouterApi
{
    Task<SubmitOutcome> SubmitAsync(string model, JsonObject body, Guid requestId, CancellationToken cancellationToken);

    Task<ProviderTaskStatus> GetTaskResultAsync(string taskId, CancellationToken cancellationToken);
}
