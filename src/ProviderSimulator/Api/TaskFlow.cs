using System.Text.Json;
using Microsoft.Extensions.Options;
using ProviderSimulator.Callbacks;
using ProviderSimulator.Limits;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Api;

/// <summary>
/// The submit and query steps the three providers share: counting, per-key limits, body checks, simulated faults,
/// callbacks and the task lifecycle. Each provider supplies its dialect, its required fields and its response shapes.
/// </summary>
public sealed class TaskFlow(
    TaskStore store,
    RequestLimits limits,
    GenerationTimes generationTimes,
    SubmitHangs hangs,
    CallbackDispatcher callbacks,
    TimeProvider clock,
    IOptions<SimulatorOptions> options,
    IHostApplicationLifetime lifetime)
{
    public const string RequestIdHeader = "X-Request-Id";
    public const int RetryAfterSeconds = 1;

    /// <param name="callbackStyle">How the provider takes a completion callback; null when it offers none.</param>
    public async Task<IResult> SubmitAsync(
        HttpContext http,
        IProviderDialect dialect,
        string model,
        Func<JsonElement, string?> findProblem,
        Func<SimTask, HttpRequest, IResult> accepted,
        CallbackStyle? callbackStyle = null)
    {
        var requestId = http.Request.Headers[RequestIdHeader].ToString();
        store.CountSubmit(requestId);
        if (RateLimit(http, dialect) is { } refused)
            return refused;

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

        Uri? callbackUrl = null;
        if (callbackStyle is not null && CallbackProblem(callbackStyle, body, out callbackUrl) is { } badCallback)
            return Fault(http, dialect, ErrorKind.BadRequest, badCallback);

        if (!Behaviors.TryParse(http.Request.Headers[Behaviors.Header].ToString(), body, dialect.Provider, out var behaviors, out var unreadable))
            return Fault(http, dialect, ErrorKind.BadRequest, unreadable);

        if (SubmitFault(behaviors) is { } fault)
            return Fault(http, dialect, fault.Kind, fault.Detail);

        var task = limits.TryStart(dialect.Provider, ApiKey(http), () =>
        {
            var now = clock.GetUtcNow();
            var timing = new TaskTiming(options.Value.PendingSeconds, generationTimes.Next());
            return new SimTask(dialect.NewTaskId(now), dialect.Provider, model, now, behaviors, body,
                requestId == "" ? null : requestId, timing);
        });
        if (task is null)
            return Fault(http, dialect, ErrorKind.RateLimited, "too many unfinished tasks for this key, retry later");
        store.Add(task);
        if (callbackUrl is not null)
            callbacks.Schedule(task, callbackUrl, http.Request.PublicBase(), callbackStyle!);

        store.BeginAnswer();
        var hang = behaviors.HasFlag(Behavior.SubmitHang) ? TimeSpan.FromSeconds(options.Value.HangSeconds) : hangs.Next();
        if (hang > TimeSpan.Zero)
        {
            store.CountHung();
            // Also cut short by shutdown: otherwise a stopping simulator waits for the hang to end.
            using var cut = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(hang, clock, cut.Token);
            }
            catch (OperationCanceledException)
            {
                store.EndAnswer(task.RequestId, callerGone: http.RequestAborted.IsCancellationRequested, clock.GetUtcNow());
                // Drop the connection rather than answer, so the outcome stays ambiguous to any client still waiting.
                http.Abort();
                return Results.Empty;
            }
        }

        return new WatchedAnswer(accepted(task, http.Request), callerGone => store.EndAnswer(task.RequestId, callerGone, clock.GetUtcNow()));
    }

    public IResult Query(HttpContext http, IProviderDialect dialect, string? taskId, TaskBody render)
    {
        store.CountQuery();
        if (RateLimit(http, dialect) is { } refused)
            return refused;

        var task = string.IsNullOrEmpty(taskId) ? null : store.Find(taskId);
        if (task is null || task.Provider != dialect.Provider)
            return Fault(http, dialect, ErrorKind.NotFound, "Task not found or expired");

        task.CountQuery();
        var settings = options.Value;
        var snapshot = task.Observe(settings, clock.GetUtcNow());
        var publicBase = http.Request.PublicBase();
        return task.TakeQueryFault() switch
        {
            // As if the task were not yet visible right after submit (eventual consistency).
            Behavior.Query404Once => Fault(http, dialect, ErrorKind.NotFound, "Task not found or expired"),
            Behavior.Query429Once => Fault(http, dialect, ErrorKind.RateLimited, "rate limit exceeded, retry later"),
            Behavior.Query500Once => Fault(http, dialect, ErrorKind.ServerError, "internal error"),
            // A body cut short, as from a proxy that dropped the connection mid-response.
            Behavior.QueryMalformedOnce => Results.Text("{\"task_id\": \"" + task.Id, "application/json"),
            Behavior.UnknownStatusOnce => Results.Json(render(task, snapshot with { Phase = TaskPhase.Unknown }, publicBase, settings)),
            _ => Results.Json(render(task, snapshot, publicBase, settings)),
        };
    }

    /// <summary>The provider's 429 when the key has used up its minute; null when the call may go ahead.</summary>
    private IResult? RateLimit(HttpContext http, IProviderDialect dialect) =>
        limits.TryCall(dialect.Provider, ApiKey(http)) is { } wait
            ? Fault(http, dialect, ErrorKind.RateLimited, "rate limit exceeded, retry later", wait)
            : null;

    // The key filter has already turned away requests without one.
    private static string ApiKey(HttpContext http) => http.Request.BearerToken() ?? "";

    /// <summary>What is wrong with the callback URL the body names, or null; <paramref name="url"/> is null when it names none.</summary>
    private string? CallbackProblem(CallbackStyle style, JsonElement body, out Uri? url)
    {
        url = null;
        if (style.FindUrl(body) is not { } given)
            return null;
        if (given.ValueKind != JsonValueKind.String)
            return $"{style.UrlField} must be a string";
        var text = given.GetString()!;
        if (CallbackUrl.Problem(style.UrlField, text, options.Value.AllowInsecureCallbacks) is { } problem)
            return problem;
        url = new Uri(text);
        return null;
    }

    private static (ErrorKind Kind, string Detail)? SubmitFault(Behavior behaviors) =>
        behaviors.HasFlag(Behavior.Submit402) ? (ErrorKind.InsufficientBalance, "insufficient balance")
        : behaviors.HasFlag(Behavior.Submit429) ? (ErrorKind.RateLimited, "rate limit exceeded, retry later")
        : behaviors.HasFlag(Behavior.Submit500) ? (ErrorKind.ServerError, "internal error")
        : behaviors.HasFlag(Behavior.Submit503) ? (ErrorKind.Unavailable, "service temporarily unavailable")
        : null;

    private static IResult Fault(
        HttpContext http, IProviderDialect dialect, ErrorKind kind, string detail, int retryAfterSeconds = RetryAfterSeconds)
    {
        if (kind == ErrorKind.RateLimited)
            http.Response.Headers.RetryAfter = retryAfterSeconds.ToString();
        return dialect.Error(http.Response, kind, detail);
    }
}
