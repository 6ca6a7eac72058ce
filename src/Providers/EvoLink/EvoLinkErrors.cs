using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using VideoPlatform.Providers.Http;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>EvoLink's documented HTTP errors, classified by what a retry would risk.</summary>
internal static partial class EvoLinkErrors
{
    public static SubmitOutcome ClassifySubmit(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var task = JsonSerializer.Deserialize<EvoLinkTask>(body, ProviderJson.Options);
            if (task is { Id: { Length: > 0 } id })
                return SubmitOutcome.Accepted(id, AnswerValues.SecondsUp(task.TaskInfo?.EstimatedTime, "task_info.estimated_time"));
            throw new JsonException("EvoLink submit answer has no task id");
        }

        var error = ErrorOf(body);
        var message = $"EvoLink {status}: {Describe(error, body)}";
        return response.StatusCode switch
        {
            HttpStatusCode.PaymentRequired => SubmitOutcome.Of(SubmitOutcomeKind.InsufficientBalance, message, status),
            // 429 (rate limit) and 503 (overload) are refusals before acceptance.
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable =>
                ConcurrencyRefusal.Marked(SubmitOutcome.Of(SubmitOutcomeKind.Retryable, message, status, ProviderHttp.RetryAfter(response) ?? RetryAfterInText(error)), body),
            // 500 and 502 can happen after the task was created: never assume it was not.
            >= HttpStatusCode.InternalServerError => SubmitOutcome.Of(SubmitOutcomeKind.Ambiguous, message, status),
            _ => SubmitOutcome.Of(SubmitOutcomeKind.Rejected, message, status),
        };
    }

    /// <summary>EvoLink's 429 says "retry after 60 seconds" in words when no header does.</summary>
    private static TimeSpan? RetryAfterInText(EvoLinkError? error)
    {
        foreach (var text in new[] { error?.Message, error?.FallbackSuggestion })
        {
            if (text is not null && RetryAfterWords().Match(text) is { Success: true } match
                && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return AnswerValues.Seconds(seconds, ProviderHttp.LongestRetryAfter);
        }
        return null;
    }

    private static string Describe(EvoLinkError? error, string body) => error switch
    {
        { Type: { Length: > 0 } type, Message: { Length: > 0 } text } => $"{type}: {text}",
        { Message: { Length: > 0 } text } => text,
        _ => ProviderHttp.Shorten(body),
    };

    private static EvoLinkError? ErrorOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<EvoLinkErrorBody>(body, ProviderJson.Options)?.Error;
        }
        catch (JsonException)
        {
            // Not the documented body (a proxy's HTML page, say): the caller falls back to the raw text.
            return null;
        }
    }

    [GeneratedRegex(@"retry\s+after\s+(\d{1,6})\s*s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RetryAfterWords();
}
