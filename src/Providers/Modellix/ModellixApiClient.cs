using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Typed client for Modellix (base URL and key from <c>Providers:Modellix</c>).</summary>
internal sealed class ModellixApiClient(HttpClient http, IOptionsMonitor<ProviderOptions> options, ILogger<ModellixApiClient> logger) : IModellixApi
{
    public const string Name = "Modellix";

    private ProviderOptions Options => options.Get(Name);

    public Task<SubmitOutcome> SubmitAsync(string submitPath, JsonObject body, Guid requestId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.SubmitAsync(http, BearerRequest.Post(o.BaseUrl, submitPath, o.ApiKey, body, requestId),
            TimeSpan.FromSeconds(o.SubmitTimeoutSeconds), o.MaxResponseBodyBytes,
            (response, answer) => logger.Read(Name, "submit answer", () => ModellixErrors.ClassifySubmit(response, answer)), cancellationToken);
    }

    public Task<ProviderTaskStatus> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.QueryAsync(http, BearerRequest.Get(o.BaseUrl, $"/api/v1/tasks/{Uri.EscapeDataString(taskId)}", o.ApiKey),
            TimeSpan.FromSeconds(o.QueryTimeoutSeconds), o.MaxResponseBodyBytes,
            body => logger.Read(Name, "task answer", () => ParseTask(body)), cancellationToken);
    }

    private static ProviderTaskStatus ParseTask(string body)
    {
        var envelope = JsonSerializer.Deserialize<ModellixEnvelope<ModellixTaskData>>(body, ProviderJson.Options);
        if (envelope?.Data is null)
            throw new JsonException("Modellix task answer has no data");
        return ModellixStatusMapper.Map(envelope.Data);
    }
}
