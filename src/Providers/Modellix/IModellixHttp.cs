using System.Text.Json.Nodes;
using Refit;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix's HTTP routes (Refit builds the requests; <see cref="ModellixApiClient"/> reads the answers).</summary>
internal interface IModellixHttp
{
    /// <param name="submitPath">The model's route without its leading slash, e.g. <c>api/v1/kling/kling-v3-i2v/async</c>:
    /// each segment is escaped, the slashes between them kept.</param>
    [Post("/{**submitPath}")]
    Task<HttpResponseMessage> SubmitAsync(
        string submitPath,
        [Body] JsonObject body,
        [Authorize("Bearer")] string apiKey,
        [Header(ProviderRefit.RequestIdHeader)] Guid requestId,
        CancellationToken cancellationToken);

    /// <param name="taskId">Escaped whole into one path segment.</param>
    [Get("/api/v1/tasks/{taskId}")]
    Task<HttpResponseMessage> GetTaskAsync(string taskId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);
}
