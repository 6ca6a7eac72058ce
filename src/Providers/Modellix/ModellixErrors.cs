using System.Net;
using System.Text.Json;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.Modellix;

/// <summary>Modellix's documented HTTP errors, classified by what a retry would risk.</summary>
internal static class ModellixErrors
{
    public static SubmitOutcome ClassifySubmit(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var envelope = JsonSerializer.Deserialize<ModellixEnvelope<ModellixSubmitData>>(body, ProviderJson.Options);
            // The task id is what matters: a code that cannot be read does not undo it. A code that says
            // something other than 0 is the provider's own word against success, which stays ambiguous.
            if (envelope is { Code: 0 or null, Data.TaskId: { Length: > 0 } taskId })
                return SubmitOutcome.Accepted(taskId);
            throw new JsonException("Modellix submit answer has no task id");
        }

        var message = $"Modellix {status}: {MessageOf(body)}";
        return response.StatusCode switch
        {
            HttpStatusCode.PaymentRequired => SubmitOutcome.Of(SubmitOutcomeKind.InsufficientBalance, message, status),
            // 429 (rate/concurrency) and 503 (overload, circuit breaker) are refusals before acceptance.
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable =>
                ConcurrencyRefusal.Marked(SubmitOutcome.Of(SubmitOutcomeKind.Retryable, message, status, ProviderHttp.RetryAfter(response)), body),
            // A 5xx other than 503 can happen after the task was created: never assume it was not.
            >= HttpStatusCode.InternalServerError => SubmitOutcome.Of(SubmitOutcomeKind.Ambiguous, message, status),
            _ => SubmitOutcome.Of(SubmitOutcomeKind.Rejected, message, status),
        };
    }

    private static string MessageOf(string body)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<ModellixEnvelope<JsonElement>>(body, ProviderJson.Options);
            if (!string.IsNullOrWhiteSpace(envelope?.Message))
                return envelope.Message;
        }
        catch (JsonException)
        {
            // Not the documented body (a proxy's HTML page, say): fall back to the raw text.
        }
        return ProviderHttp.Shorten(body);
    }
}
