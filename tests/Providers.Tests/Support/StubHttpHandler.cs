namespace VideoPlatform.Providers.Tests.Support;

/// <summary>
/// Stands in for the network under a real <see cref="HttpClient"/>: answers every request with the given
/// function and keeps each request with its body (read before the client disposes it).
/// </summary>
internal sealed class StubHttpHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private readonly List<SentRequest> _sent = [];

    public IReadOnlyList<SentRequest> Sent => _sent;

    public static StubHttpHandler Answering(Func<HttpResponseMessage> response) =>
        new((_, _) => Task.FromResult(response()));

    public static StubHttpHandler Throwing(Exception exception) =>
        new((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers; only the token ends the wait.</summary>
    public static StubHttpHandler Hanging() =>
        new(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _sent.Add(new SentRequest(request, body));
        return await answer(request, cancellationToken);
    }
}
