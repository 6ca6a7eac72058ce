using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.MyRouter;

/// <summary>MyRouter calls over <see cref="IMyRouterHttp"/>: key, timeouts and body cap from <c>Providers:MyRouter</c>.</summary>
internal sealed class MyRouterApiClient(IMyRouterHttp http, IOptionsMonitor<ProviderOptions> options, ILogger<MyRouterApiClient> logger) : IMyRouterApi
{
    public const string Name = "MyRouter";

    private ProviderOptions Options => options.Get(Name);

    public Task<SubmitOutcome> SubmitAsync(string model, JsonObject body, Guid requestId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.SubmitAsync(token => http.SubmitAsync(model, body, o.ApiKey, requestId, token),
            TimeSpan.FromSeconds(o.SubmitTimeoutSeconds), o.MaxResponseBodyBytes,
            (response, answer) => logger.Read(Name, "submit answer", () => MyRouterErrors.ClassifySubmit(response, answer)), cancellationToken);
    }

    public Task<ProviderTaskStatus> GetTaskResultAsync(string taskId, CancellationToken cancellationToken)
    {
        var o = Options;
        return ProviderHttp.QueryAsync(token => http.GetTaskResultAsync(taskId, o.ApiKey, token),
            TimeSpan.FromSeconds(o.QueryTimeoutSeconds), o.MaxResponseBodyBytes,
            body => logger.Read(Name, "task answer", () => ParseTaskResult(body)), cancellationToken);
    }

    private static ProviderTaskStatus ParseTaskResult(string body)
    {
        var result = JsonSerializer.Deserialize<MyRouterTaskResult>(body, ProviderJson.Options);
        if (result?.Task is null)
            throw new JsonException("MyRouter task answer has no task");
        return MyRouterStatusMapper.Map(result, DateTimeOffset.UtcNow);
    }
}
