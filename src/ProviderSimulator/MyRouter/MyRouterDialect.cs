using ProviderSimulator.Api;

namespace ProviderSimulator.MyRouter;

/// <summary>MyRouter (a Novita white-label) errors: <c>code</c>, an upper-case <c>reason</c>, <c>message</c>, <c>metadata</c>.</summary>
public sealed class MyRouterDialect : IProviderDialect
{
    public static readonly MyRouterDialect Instance = new();

    public Provider Provider => Provider.MyRouter;

    public string NewTaskId(DateTimeOffset now) => Guid.NewGuid().ToString();

    public IResult Error(HttpResponse response, ErrorKind kind, string detail)
    {
        var (status, reason) = kind switch
        {
            ErrorKind.BadRequest => (400, "INVALID_REQUEST_BODY"),
            ErrorKind.Unauthorized => (401, "INVALID_API_KEY"),
            // MyRouter reports an empty balance as 403, not 402.
            ErrorKind.InsufficientBalance => (403, "NOT_ENOUGH_BALANCE"),
            ErrorKind.NotFound => (404, "TASK_NOT_FOUND"),
            ErrorKind.RateLimited => (429, "RATE_LIMIT_EXCEEDED"),
            ErrorKind.ServerError => (500, "INTERNAL_SERVER_ERROR"),
            ErrorKind.Unavailable => (503, "SERVICE_UNAVAILABLE"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return Results.Json(new { code = status, reason, message = detail, metadata = new { } }, statusCode: status);
    }
}
