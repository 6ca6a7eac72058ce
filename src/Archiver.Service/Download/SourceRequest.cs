using System.Net;
using System.Net.Http.Headers;
using VideoPlatform.Archiver.Safety;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Download;

/// <summary>
/// One GET of a video, following redirects itself so that every hop passes the <see cref="SourcePolicy"/> before
/// it is requested: a link that redirects into the internal network is refused, never fetched.
/// </summary>
internal sealed class SourceRequest(HttpClient http, SourcePolicy policy)
{
    public const int MaxRedirects = 5;

    /// <summary>The first non-redirect response, headers only; from byte <paramref name="from"/> when above 0.</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri source, long from, RangeConditionHeaderValue? validator, CancellationToken cancellationToken)
    {
        var url = source;
        for (var hop = 0; ; hop++)
        {
            if (policy.Refusal(url) is { } refusal)
                throw Refused(url, hop, refusal);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (from > 0)
            {
                request.Headers.Range = new RangeHeaderValue(from, null);
                request.Headers.IfRange = validator;
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e) when (e.InnerException is SourceRefusedException refused)
            {
                throw Refused(url, hop, refused.Message);
            }
            catch (HttpRequestException e)
            {
                throw new ArchiveException(ArchiveFailureReasons.DownloadFailed, $"request failed: {e.Message}", transient: true);
            }

            if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
                return response;

            var location = response.Headers.Location;
            response.Dispose();
            if (location is null)
                throw new ArchiveException(ArchiveFailureReasons.DownloadFailed, $"source answered {(int)response.StatusCode} without a Location");
            if (hop == MaxRedirects)
                throw new ArchiveException(ArchiveFailureReasons.DownloadFailed, $"more than {MaxRedirects} redirects");
            var next = new Uri(url, location);
            if (url.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
                throw Refused(next, hop + 1, "it leaves https for http");
            url = next;
        }
    }

    private static ArchiveException Refused(Uri url, int hop, string reason) => new(
        ArchiveFailureReasons.SourceRefused,
        hop == 0 ? $"refused to fetch {SourcePolicy.Describe(url)}: {reason}" : $"refused redirect to {SourcePolicy.Describe(url)}: {reason}");
}
