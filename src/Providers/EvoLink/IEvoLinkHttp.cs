using System.Text.Json.Nodes;
using Refit;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>EvoLink's HTTP routes (Refit builds the requests; <see cref="EvoLinkApiClient"/> reads the answers).</summary>
internal interface IEvoLinkHttp
{
    /// <summary>One route for every model; the body names the model.</summary>
    [Post("/v1/videos/generations")]
    Task<HttpResponseMessage> SubmitAsync(
        [Body] JsonObject body,
        [Authorize("Bearer")] string apiKey,
        [Header(ProviderRefit.RequestIdHeader)] Guid requestId,
        CancellationToken cancellationToken);

    /// <param name="taskId">Escaped whole into one path segment.</param>
    [Get("/v1/tasks/{taskId}")]
    Task<HttpResponseMessage> GetTaskAsync(string taskId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);
}
