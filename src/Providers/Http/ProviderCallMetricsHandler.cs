using System.Diagnostics;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// Counts every call to a provider by status code, so "how many 429s did Modellix send" is a query, not a log
/// search. Tags carry the provider and the operation only: never the URL, headers or body (the key is a header).
/// </summary>
internal sealed class ProviderCallMetricsHandler(string provider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Every provider submits with POST and queries with GET (IModellixHttp, IMyRouterHttp, IEvoLinkHttp).
        var operation = request.Method == HttpMethod.Post ? "submit" : "query";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            ProviderCallMetrics.Record(provider, operation, (int)response.StatusCode, null, Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception e)
        {
            var errorType = e switch
            {
                // The clients cancel a call when its timeout passes (a shutdown cancels too, but rarely matters here).
                OperationCanceledException => "timeout",
                HttpRequestException { HttpRequestError: var error } => error.ToString(),
                _ => e.GetType().Name,
            };
            ProviderCallMetrics.Record(provider, operation, null, errorType, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
