using ProviderSimulator.Api;

namespace ProviderSimulator.EvoLink;

/// <summary>EvoLink errors: an OpenAI-like <c>error</c> object with an integer <c>code</c> and a <c>type</c>.</summary>
public sealed class EvoLinkDialect : IProviderDialect
{
    public static readonly EvoLinkDialect Instance = new();

    public Provider Provider => Provider.EvoLink;

    /// <summary><c>task-unified-&lt;unix seconds&gt;-&lt;8 lower-case alphanumerics&gt;</c>, as EvoLink issues them.</summary>
    public string NewTaskId(DateTimeOffset now) =>
        $"task-unified-{now.ToUnixTimeSeconds()}-{Random.Shared.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8)}";

    public IResult Error(HttpResponse response, ErrorKind kind, string detail)
    {
        var (status, type, suggestion) = kind switch
        {
            ErrorKind.BadRequest => (400, "invalid_request_error", "check the request parameters"),
            ErrorKind.Unauthorized => (401, "authentication_error", "check your API key"),
            ErrorKind.InsufficientBalance => (402, "insufficient_quota", "top up your balance"),
            ErrorKind.NotFound => (404, "not_found_error", ""),
            ErrorKind.RateLimited => (429, "rate_limit_error", $"retry after {RetryAfter.SecondsOf(response)} seconds"),
            ErrorKind.ServerError => (500, "internal_error", "retry later"),
            ErrorKind.Unavailable => (503, "service_unavailable_error", "retry later"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return Results.Json(
            new { error = new { code = status, message = detail, type, param = "", fallback_suggestion = suggestion } },
            statusCode: status);
    }
}
