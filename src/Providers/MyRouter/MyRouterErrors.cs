using System.Net;
using System.Text.Json;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.MyRouter;

/// <summary>MyRouter's documented HTTP errors, classified by what a retry would risk.</summary>
internal static class MyRouterErrors
{
    private const string NotEnoughBalance = "NOT_ENOUGH_BALANCE";

    public static SubmitOutcome ClassifySubmit(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var answer = JsonSerializer.Deserialize<MyRouterSubmitAnswer>(body, ProviderJson.Options);
            if (answer is { TaskId: { Length: > 0 } taskId })
                return SubmitOutcome.Accepted(taskId);
            throw new JsonException("MyRouter submit answer has no task id");
        }

        var error = ErrorOf(body);
        var message = $"MyRouter {status}: {Describe(error, body)}";
        return response.StatusCode switch
        {
            // MyRouter answers an empty balance with 403, the same code as a key without access.
            HttpStatusCode.Forbidden when IsBalance(error) => SubmitOutcome.Of(SubmitOutcomeKind.InsufficientBalance, message, status),
            // 429 (rate limit) and 503 (overload) are refusals before acceptance.
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable =>
                ConcurrencyRefusal.Marked(SubmitOutcome.Of(SubmitOutcomeKind.Retryable, message, status, ProviderHttp.RetryAfter(response)), body),
            // 500, 502, 504 can happen after the task was created: never assume it was not.
            >= HttpStatusCode.InternalServerError => SubmitOutcome.Of(SubmitOutcomeKind.Ambiguous, message, status),
            _ => SubmitOutcome.Of(SubmitOutcomeKind.Rejected, message, status),
        };
    }

    private static bool IsBalance(MyRouterError? error) =>
        string.Equals(error?.Reason, NotEnoughBalance, StringComparison.OrdinalIgnoreCase)
        || error?.Message?.Contains("balance", StringComparison.OrdinalIgnoreCase) == true;

    private static string Describe(MyRouterError? error, string body) => error switch
    {
        { Reason: { Length: > 0 } reason, Message: { Length: > 0 } text } => $"{reason}: {text}",
        { Message: { Length: > 0 } text } => text,
        { Reason: { Length: > 0 } reason } => reason,
        _ => ProviderHttp.Shorten(body),
    };

    private static MyRouterError? ErrorOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<MyRouterError>(body, ProviderJson.Options);
        }
        catch (JsonException)
        {
            // Not the documented body (a proxy's HTML page, say): the caller falls back to the raw text.
            return null;
        }
    }
}
