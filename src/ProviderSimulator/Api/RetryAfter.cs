namespace ProviderSimulator.Api;

public static class RetryAfter
{
    /// <summary>The <c>Retry-After</c> a 429 carries, for providers that repeat it in a header or message of their own.</summary>
    public static int SecondsOf(HttpResponse response) =>
        int.TryParse(response.Headers.RetryAfter, out var seconds) ? seconds : TaskFlow.RetryAfterSeconds;
}
