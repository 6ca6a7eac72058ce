using System.Text.Json.Serialization;

namespace ProviderSimulator.Tasks;

/// <summary>One task as <c>GET /_sim/tasks</c> lists it.</summary>
/// <param name="RequestId">The <c>X-Request-Id</c> seen at submit; null, not omitted, when there was none.</param>
/// <param name="CompletesAt">When it turns terminal; null, not omitted, for a stuck task.</param>
/// <param name="Phase">pending, processing, succeeded or failed, now.</param>
/// <param name="Queries">Queries that found this task (simulated query faults included, rate-limited ones not).</param>
public sealed record TaskView(
    string Id,
    string Provider,
    string Model,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RequestId,
    DateTimeOffset SubmittedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? CompletesAt,
    string Phase,
    int Queries)
{
    public static TaskView Of(SimTask task, SimulatorOptions options, DateTimeOffset now) => new(
        task.Id,
        task.Provider.ToString(),
        task.Model,
        task.RequestId,
        task.SubmittedAt,
        task.CompletesAt,
        task.Observe(options, now).Phase.ToString().ToLowerInvariant(),
        task.Queries);
}
