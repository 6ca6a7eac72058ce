using System.Net;
using System.Text;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>
/// Stands in for the network under the registered provider clients: answers every request with one canned response and
/// keeps each request with its body (read before the client disposes it).
/// </summary>
internal sealed class StubNetwork(
    HttpStatusCode status, string body, Action<HttpResponseMessage>? decorate = null, Func<CancellationToken, Task>? afterSending = null)
    : HttpMessageHandler
{
    private readonly List<SentRequest> _sent = [];

    public IReadOnlyList<SentRequest> Sent => _sent;

    public SentRequest Single => _sent.ShouldHaveSingleItem();

    /// <summary>Takes each request, then the connection breaks before any answer arrives.</summary>
    public static StubNetwork DroppingAfterSending() =>
        new(HttpStatusCode.InternalServerError, "", afterSending: _ =>
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "the connection closed before an answer"));

    /// <summary>Takes each request and never answers; only the caller's token ends the wait.</summary>
    public static StubNetwork NeverAnswering() =>
        new(HttpStatusCode.InternalServerError, "", afterSending: token => Task.Delay(Timeout.Infinite, token));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _sent.Add(new SentRequest(request, sentBody));
        if (afterSending is not null)
            await afterSending(cancellationToken);
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        decorate?.Invoke(response);
        return response;
    }
}
