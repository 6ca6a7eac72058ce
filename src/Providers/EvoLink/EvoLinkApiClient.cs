using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>Typed client for EvoLink (base URL and key from <c>Providers:EvoLink</c>).</summary>
internal sealed class EvoLinkApiClient(HttpClient http, IOptionsMonitor<ProviderOptions> options, ILogger<EvoLinkApiClient> logger) : IEvoLinkApi
{
    public const string Name = "EvoLink";

    private ProviderOptions Options => options.Get(Name);

    public Task<SubmitOutcome> SubmitAsync(JsonObject body, Guid requestId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.SubmitAsync(http, BearerRequest.Post(o.BaseUrl, "/v1/videos/generations", o.ApiKey, body, requestId),
            TimeSpan.FromSeconds(o.SubmitTimeoutSeconds), o.MaxResponseBodyBytes,
            (response, answer) => logger.Read(Name, "submit answer", () => EvoLinkErrors.ClassifySubmit(response, answer)), cancellationToken);
    }

    public Task<ProviderTaskStatus> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.QueryAsync(http, BearerRequest.Get(o.BaseUrl, $"/v1/tasks/{Uri.EscapeDataString(taskId)}", o.ApiKey),
            TimeSpan.FromSeconds(o.QueryTimeoutSeconds), o.MaxResponseBodyBytes,
            body => logger.Read(Name, "task answer", () => ParseTask(body)), cancellationToken);
    }

    private static ProviderTaskStatus ParseTask(string body)
    {
        var task = JsonSerializer.Deserialize<EvoLinkTask>(body, ProviderJson.Options)
            ?? throw new JsonException("EvoLink task answer is empty");
        return EvoLinkStatusMapper.Map(task, DateTimeOffset.UtcNow);
    }
}
