using System.Globalization;
using System.Net;
using System.Text.Json;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// The transport rules shared by every provider client. Submits are classified by whether the request could
/// have reached the provider (so a paid call is never repeated blindly); queries turn every transport
/// problem into "ask again later". Bodies are read up to the provider's <see cref="ProviderOptions.MaxResponseBodyBytes"/>:
/// a longer one is an answer that cannot be read, judged by its status code alone.
/// </summary>
internal static class ProviderHttp
{
    /// <param name="send">Sends the request (a Refit method) with the token that also bounds reading the answer.</param>
    public static async Task<SubmitOutcome> SubmitAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        TimeSpan timeout,
        int maxBodyBytes,
        Func<HttpResponseMessage, string, SubmitOutcome> classify,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await send(timeoutSource.Token);
            var body = await BoundedBody.ReadAsync(response.Content, maxBodyBytes, timeoutSource.Token);
            // An acceptance too large to read may still have created the task; a refusal is told by its status.
            if (body is null && response.IsSuccessStatusCode)
                return SubmitOutcome.Of(SubmitOutcomeKind.Ambiguous,
                    $"provider answered {(int)response.StatusCode} with {TooLarge(maxBodyBytes)}", (int)response.StatusCode);
            try
            {
                return classify(response, body ?? $"({TooLarge(maxBodyBytes)})");
            }
            catch (JsonException) when (response.IsSuccessStatusCode)
            {
                return SubmitOutcome.Of(SubmitOutcomeKind.Ambiguous,
                    $"provider answered {(int)response.StatusCode} with a body that is not the documented JSON", (int)response.StatusCode);
            }
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // The connection was never established, so the provider cannot have seen the request.
            return SubmitOutcome.Of(SubmitOutcomeKind.Retryable, $"could not connect to the provider: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return SubmitOutcome.Of(SubmitOutcomeKind.Ambiguous, $"connection failed after the request was sent: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SubmitOutcome.Of(SubmitOutcomeKind.Ambiguous, $"no answer from the provider within {timeout.TotalSeconds:0} s");
        }
    }

    public static async Task<ProviderTaskStatus> QueryAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        TimeSpan timeout,
        int maxBodyBytes,
        Func<string, ProviderTaskStatus> map,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await send(timeoutSource.Token);
            var read = await BoundedBody.ReadAsync(response.Content, maxBodyBytes, timeoutSource.Token);
            if (read is null && response.IsSuccessStatusCode)
                return ProviderTaskStatus.Unreachable($"provider answered {(int)response.StatusCode} with {TooLarge(maxBodyBytes)}");
            var body = read ?? $"({TooLarge(maxBodyBytes)})";
            if (response.StatusCode == HttpStatusCode.NotFound)
                return new ProviderTaskStatus { State = ProviderTaskState.NotFound, FailureMessage = Shorten(body) };
            if (!response.IsSuccessStatusCode)
                return ProviderTaskStatus.Unreachable($"provider answered {(int)response.StatusCode}: {Shorten(body)}", RetryAfter(response));
            try
            {
                return map(body);
            }
            catch (JsonException e)
            {
                return ProviderTaskStatus.Unreachable($"provider answered with malformed JSON: {e.Message}");
            }
        }
        catch (HttpRequestException e)
        {
            return ProviderTaskStatus.Unreachable($"query failed: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProviderTaskStatus.Unreachable($"no answer within {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>A provider asking for a longer pause than this is taken to mean something else: its wish is ignored.</summary>
    public static readonly TimeSpan LongestRetryAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// Retry-After (seconds or date), else a rate-limit reset header (seconds, or a Unix time in s or ms). A value
    /// that is negative, not a number or longer than a day says nothing (null), never an exception.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
            return AnswerValues.Seconds(delta.TotalSeconds, LongestRetryAfter);
        if (retryAfter?.Date is { } date)
            return Until(date);

        foreach (var name in new[] { "x-ratelimit-reset", "x-rate-limit-reset" })
        {
            if (response.Headers.TryGetValues(name, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return value switch
                {
                    > 1e12 => AnswerValues.FromUnixMilliseconds(value) is { } at ? Until(at) : null,
                    > 1e9 => AnswerValues.FromUnixSeconds(value) is { } at ? Until(at) : null,
                    _ => AnswerValues.Seconds(value, LongestRetryAfter),
                };
        }
        return null;
    }

    /// <summary>The wait until a reset time: none once it has passed.</summary>
    private static TimeSpan? Until(DateTimeOffset at) =>
        at <= DateTimeOffset.UtcNow ? TimeSpan.Zero : AnswerValues.Seconds((at - DateTimeOffset.UtcNow).TotalSeconds, LongestRetryAfter);

    private static string TooLarge(int maxBodyBytes) => $"a body over {maxBodyBytes} bytes, not read";

    public static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
