using ProviderSimulator.Api;

namespace ProviderSimulator.Modellix;

/// <summary>Modellix errors: the HTTP status repeated in <c>code</c>, and <c>message</c> = "&lt;Category&gt;: &lt;detail&gt;".</summary>
public sealed class ModellixDialect : IProviderDialect
{
    public static readonly ModellixDialect Instance = new();

    public Provider Provider => Provider.Modellix;

    public string NewTaskId(DateTimeOffset now) => $"task-{Guid.NewGuid():N}";

    public IResult Error(HttpResponse response, ErrorKind kind, string detail)
    {
        var (status, category) = kind switch
        {
            ErrorKind.BadRequest => (400, "Bad Request"),
            ErrorKind.Unauthorized => (401, "Unauthorized"),
            ErrorKind.InsufficientBalance => (402, "Insufficient Balance"),
            ErrorKind.NotFound => (404, "Not Found"),
            ErrorKind.RateLimited => (429, "Too Many Requests"),
            ErrorKind.ServerError => (500, "Internal Server Error"),
            ErrorKind.Unavailable => (503, "Service Unavailable"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        if (kind == ErrorKind.RateLimited)
        {
            // Modellix announces the end of the rate window as a Unix time in seconds.
            var now = response.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            response.Headers["x-ratelimit-reset"] = now.AddSeconds(RetryAfter.SecondsOf(response)).ToUnixTimeSeconds().ToString();
        }
        return Results.Json(new { code = status, message = $"{category}: {detail}" }, statusCode: status);
    }
}
