using System.Net;
using System.Text;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>
/// Stands in for the network under a real <see cref="HttpClient"/>: answers every request with the given
/// function and keeps each request with its body (read before the client disposes it).
/// </summary>
internal sealed class StubHttpHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private readonly List<SentRequest> _sent = [];

    public IReadOnlyList<SentRequest> Sent => _sent;

    public SentRequest Single => _sent.ShouldHaveSingleItem();

    public static StubHttpHandler Answering(Func<HttpResponseMessage> response) =>
        new((_, _) => Task.FromResult(response()));

    /// <summary>One JSON answer for every request, changed by <paramref name="decorate"/> (headers) if given.</summary>
    public static StubHttpHandler Answering(HttpStatusCode status, string body, Action<HttpResponseMessage>? decorate = null) =>
        Answering(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            decorate?.Invoke(response);
            return response;
        });

    /// <summary>Takes each request, then fails it with <paramref name="exception"/> (a refused or dropped connection).</summary>
    public static StubHttpHandler Throwing(Exception exception) =>
        new((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Takes each request, then the connection breaks before any answer arrives.</summary>
    public static StubHttpHandler DroppingAfterSending() =>
        Throwing(new HttpRequestException(HttpRequestError.ResponseEnded, "the connection closed before an answer"));

    /// <summary>Takes each request and never answers; only the token ends the wait.</summary>
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
