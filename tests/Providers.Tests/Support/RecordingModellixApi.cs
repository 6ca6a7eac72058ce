using System.Text.Json.Nodes;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>Remembers what an adapter handed to the Modellix API and answers with fixed outcomes.</summary>
internal sealed class RecordingModellixApi : IModellixApi
{
    public string? SubmitPath { get; private set; }
    public JsonObject? Body { get; private set; }
    public Guid? RequestId { get; private set; }
    public string? QueriedTaskId { get; private set; }

    public SubmitOutcome SubmitAnswer { get; init; } = SubmitOutcome.Accepted("task-1");
    public ProviderTaskStatus QueryAnswer { get; init; } = new() { State = ProviderTaskState.Processing };

    public Task<SubmitOutcome> SubmitAsync(string submitPath, JsonObject body, Guid requestId, CancellationToken cancellationToken)
    {
        SubmitPath = submitPath;
        Body = body;
        RequestId = requestId;
        return Task.FromResult(SubmitAnswer);
    }

    public Task<ProviderTaskStatus> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        QueriedTaskId = taskId;
        return Task.FromResult(QueryAnswer);
    }
}
