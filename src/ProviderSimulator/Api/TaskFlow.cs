using System.Text.Json;
using Microsoft.Extensions.Options;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Api;

/// <summary>
/// The submit and query steps the three providers share: counting, body checks, simulated faults and the
/// task lifecycle. Each provider supplies its dialect, its required fields and its response shapes.
/// </summary>
public sealed class TaskFlow(TaskStore store, IOptions<SimulatorOptions> options, IHostApplicationLifetime lifetime)
{
    public const string RequestIdHeader = "X-Request-Id";
    public const int RetryAfterSeconds = 1;

    public async Task<IResult> SubmitAsync(
        HttpContext http,
        IProviderDialect dialect,
        string model,
        Func<JsonElement, string?> findProblem,
        Func<SimTask, HttpRequest, IResult> accepted)
    {
        store.CountSubmit(http.Request.Headers[RequestIdHeader].ToString());

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Fault(http, dialect, ErrorKind.BadRequest, "request body is not valid JSON");
        }

        var problem = body.ValueKind == JsonValueKind.Object ? findProblem(body) : "request body must be a JSON object";
        if (problem is not null)
            return Fault(http, dialect, ErrorKind.BadRequest, problem);

        if (!Behaviors.TryParse(http.Request.Headers[Behaviors.Header].ToString(), body, out var behaviors, out var unknown))
            return Fault(http, dialect, ErrorKind.BadRequest, $"unknown simulator behaviour '{unknown}'");

        if (SubmitFault(behaviors) is { } fault)
            return Fault(http, dialect, fault.Kind, fault.Detail);

        var now = DateTimeOffset.UtcNow;
        var task = new SimTask(dialect.NewTaskId(now), dialect.Provider, model, now, behaviors, body);
        store.Add(task);

        if (behaviors.HasFlag(Behavior.SubmitHang))
        {
            // Also cut short by shutdown: otherwise a stopping simulator waits for the hang to end.
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.HangSeconds), hang.Token);
            }
            catch (OperationCanceledException)
            {
                // Drop the connection rather than answer, so the outcome stays ambiguous to any client still waiting.
                http.Abort();
                return Results.Empty;
            }
        }

        return accepted(task, http.Request);
    }

    public IResult Query(
        HttpContext http,
        IProviderDialect dialect,
        string? taskId,
        Func<SimTask, TaskSnapshot, HttpRequest, IResult> render)
    {
        store.CountQuery();

        var task = string.IsNullOrEmpty(taskId) ? null : store.Find(taskId);
        if (task is null || task.Provider != dialect.Provider)
            return Fault(http, dialect, ErrorKind.NotFound, "Task not found or expired");

        var snapshot = task.Observe(options.Value, DateTimeOffset.UtcNow);
        return task.TakeQueryFault() switch
        {
            // As if the task were not yet visible right after submit (eventual consistency).
            Behavior.Query404Once => Fault(http, dialect, ErrorKind.NotFound, "Task not found or expired"),
            Behavior.Query429Once => Fault(http, dialect, ErrorKind.RateLimited, "rate limit exceeded, retry later"),
            Behavior.Query500Once => Fault(http, dialect, ErrorKind.ServerError, "internal error"),
            // A body cut short, as from a proxy that dropped the connection mid-response.
            Behavior.QueryMalformedOnce => Results.Text("{\"task_id\": \"" + task.Id, "application/json"),
            Behavior.UnknownStatusOnce => render(task, snapshot with { Phase = TaskPhase.Unknown }, http.Request),
            _ => render(task, snapshot, http.Request),
        };
    }

    private static (ErrorKind Kind, string Detail)? SubmitFault(Behavior behaviors) =>
        behaviors.HasFlag(Behavior.Submit402) ? (ErrorKind.InsufficientBalance, "insufficient balance")
        : behaviors.HasFlag(Behavior.Submit429) ? (ErrorKind.RateLimited, "rate limit exceeded, retry later")
        : behaviors.HasFlag(Behavior.Submit500) ? (ErrorKind.ServerError, "internal error")
        : behaviors.HasFlag(Behavior.Submit503) ? (ErrorKind.Unavailable, "service temporarily unavailable")
        : null;

    private static IResult Fault(HttpContext http, IProviderDialect dialect, ErrorKind kind, string detail)
    {
        if (kind == ErrorKind.RateLimited)
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return dialect.Error(http.Response, kind, detail);
    }
}
