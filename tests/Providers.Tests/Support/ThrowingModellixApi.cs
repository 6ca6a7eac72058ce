using System.Text.Json.Nodes;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>For tests that must not reach the provider: validation and body mapping are pure.</summary>
internal sealed class ThrowingModellixApi : IModellixApi
{
    public Task<SubmitOutcome> SubmitAsync(string submitPath, JsonObject body, Guid requestId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("validation must not call Modellix");

    public Task<ProviderTaskStatus> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("validation must not call Modellix");
}
