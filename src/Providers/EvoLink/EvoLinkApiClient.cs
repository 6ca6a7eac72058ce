using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>EvoLink calls over <see cref="IEvoLinkHttp"/>: key, timeouts and body cap from <c>Providers:EvoLink</c>.</summary>
internal sealed class EvoLinkApiClient(IEvoLinkHttp http, IOptionsMonitor<ProviderOptions> options, ILogger<EvoLinkApiClient> logger) : IEvoLinkApi
{
    public const string Name = "EvoLink";

    private ProviderOptions Options => options.Get(Name);

    public Task<SubmitOutcome> SubmitAsync(JsonObject body, Guid requestId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.SubmitAsync(token => http.SubmitAsync(body, o.ApiKey, requestId, token),
            TimeSpan.FromSeconds(o.SubmitTimeoutSeconds), o.MaxResponseBodyBytes,
            (response, answer) => logger.Read(Name, "submit answer", () => EvoLinkErrors.ClassifySubmit(response, answer)), cancellationToken);
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
        var task = JsonSerializer.Deserialize<EvoLinkTask>(body, ProviderJson.Options)
            ?? throw new JsonException("EvoLink task answer is empty");
        return EvoLinkStatusMapper.Map(task, DateTimeOffset.UtcNow);
    }
}
