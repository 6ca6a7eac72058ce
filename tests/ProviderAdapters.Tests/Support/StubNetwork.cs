using System.Net;
using System.Text;

namespace VideoPlatform.ProviderAdapters.Tests.Support;

/// <summary>
/// Stands in for the network under the real typed clients: answers every request with one canned response and
/// keeps each request with its body (read before the client disposes it).
/// </summary>
internal sealed class StubNetwork(HttpStatusCode status, string body, Action<HttpResponseMessage>? decorate = null) : HttpMessageHandler
{
    private readonly List<SentRequest> _sent = [];

    public IReadOnlyList<SentRequest> Sent => _sent;

    public SentRequest Single => _sent.ShouldHaveSingleItem();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _sent.Add(new SentRequest(request, sentBody));
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        decorate?.Invoke(response);
        return response;
    }
}

/// <summary>A request as it left the client, with its body text.</summary>
internal sealed record SentRequest(HttpRequestMessage Message, string? Body);
