using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix calls over <see cref="IModellixHttp"/>: key, timeouts and body cap from <c>Providers:Modellix</c>.</summary>
internal sealed class ModellixApiClient(IModellixHttp http, IOptionsMonitor<ProviderOptions> options, ILogger<ModellixApiClient> logger) : IModellixApi
{
    public const string Name = "Modellix";

    private ProviderOptions Options => options.Get(Name);

    public Task<SubmitOutcome> SubmitAsync(string submitPath, JsonObject body, Guid requestId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.SubmitAsync(token => http.SubmitAsync(submitPath.TrimStart('/'), body, o.ApiKey, requestId, token),
            TimeSpan.FromSeconds(o.SubmitTimeoutSeconds), o.MaxResponseBodyBytes,
            (response, answer) => logger.Read(Name, "submit answer", () => ModellixErrors.ClassifySubmit(response, answer)), cancellationToken);
    }

    public Task<ProviderTaskStatus> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.QueryAsync(token => http.GetTaskAsync(taskId, o.ApiKey, token),
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
