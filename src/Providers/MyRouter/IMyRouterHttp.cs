using System.Text.Json.Nodes;
using Refit;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.MyRouter;

/// <summary>MyRouter's HTTP routes (Refit builds the requests; <see cref="MyRouterApiClient"/> reads the answers).</summary>
internal interface IMyRouterHttp
{
    /// <param name="model">Escaped whole into one path segment.</param>
    [Post("/v3/async/{model}")]
    Task<HttpResponseMessage> SubmitAsync(
        string model,
        [Body] JsonObject body,
        [Authorize("Bearer")] string apiKey,
        [Header(ProviderRefit.RequestIdHeader)] Guid requestId,
        CancellationToken cancellationToken);

    /// <param name="taskId">Escaped whole into the one query value.</param>
    [Get("/v3/async/task-result")]
    Task<HttpResponseMessage> GetTaskResultAsync(
        [AliasAs("task_id")] string taskId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);
}
