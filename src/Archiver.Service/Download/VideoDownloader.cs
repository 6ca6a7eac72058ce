using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Safety;
using VideoPlatform.Archiver.Storage;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Download;

/// <summary>
/// Streams one video to a file while hashing it, never holding it in memory. Transient failures are retried with
/// a doubling wait, resuming with a Range request where the source allows it, all within one overall timeout;
/// the result is checked to be a complete video container before anyone may call it archived.
/// </summary>
public sealed class VideoDownloader(HttpClient http, SourcePolicy policy, IOptions<ArchiveOptions> options, ILogger<VideoDownloader> logger)
{
    /// <summary>
    /// The verified video in <paramref name="targetPath"/>, its resume state still beside it for the caller to delete
    /// once the video is moved into place. Fails with an <see cref="ArchiveException"/>: transient source faults only
    /// after the retries, a failure writing the file at once as <c>storage_failed</c>.
    /// </summary>
    public async Task<DownloadResult> DownloadAsync(Uri source, string targetPath, CancellationToken cancellationToken)
    {
        try
        {
            return await DownloadWithRetriesAsync(source, targetPath, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            // Every failure reading the source is an ArchiveException by now: what is left is our own disk.
            throw StorageFailure.From("could not write the video", e);
        }
    }

    private async Task<DownloadResult> DownloadWithRetriesAsync(Uri source, string targetPath, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.DownloadTimeoutSeconds));
        await using var partial = await PartialDownload.OpenAsync(targetPath, settings.MaxBytes, FreeSpace.Of(settings), cancellationToken);
        var request = new SourceRequest(http, policy);
        try
        {
            for (var failures = 0; ;)
            {
                var receivedBefore = partial.Received;
                try
                {
                    await TryOnceAsync(request, source, partial, settings.MaxBytes, deadline.Token);
                    return await partial.FinishAsync(Stopwatch.GetElapsedTime(started));
                }
                catch (ArchiveException e) when (e.Transient)
                {
                    failures = partial.Received > receivedBefore ? 1 : failures + 1;
                    if (failures >= settings.Attempts)
                        throw new ArchiveException(e.Code, $"{e.Message} (gave up after {failures} failed tries in a row)");
                    var delay = RetryDelay(failures, settings);
                    logger.LogWarning("Downloading {Source} failed ({Reason}, {Failures} in a row); retrying in {Delay} from byte {Offset}",
                        SourcePolicy.Describe(source), e.Message, failures, delay, partial.Length);
                    await Task.Delay(delay, deadline.Token);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ArchiveException(ArchiveFailureReasons.TimedOut,
                $"download took longer than {settings.DownloadTimeoutSeconds} s ({partial.Length} bytes received)");
        }
    }

    private async Task TryOnceAsync(SourceRequest request, Uri source, PartialDownload partial, long maxBytes, CancellationToken cancellationToken)
    {
        var from = partial.Length;
        // An earlier delivery stored every byte and ended before the move into place: a Range past the end would only
        // earn a 416 and a download from scratch. The checks in FinishAsync still decide whether the file is a video.
        if (from > 0 && from == partial.ExpectedLength)
            return;
        using var response = await request.SendAsync(source, from, partial.Validator, cancellationToken);
        var content = response.Content.Headers;
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when from > 0 && content.ContentRange is { HasRange: true } range && range.From == from
                && range.Length is { } total && (partial.ExpectedLength ?? total) == total:
                partial.Expect(total);
                break;
            case HttpStatusCode.OK:
                if (from > 0)
                    logger.LogInformation("{Source} did not resume at byte {Offset}; downloading it again from the start", SourcePolicy.Describe(source), from);
                await partial.RestartAsync(content.ContentLength, Validator(response), content.ContentType?.MediaType);
                break;
            case HttpStatusCode.PartialContent or HttpStatusCode.RequestedRangeNotSatisfiable when from > 0:
                await partial.RestartAsync(null, null, null);
                throw new ArchiveException(ArchiveFailureReasons.DownloadFailed,
                    $"source answered {(int)response.StatusCode} with range {content.ContentRange} to a resume at byte {from}; starting over", transient: true);
            default:
                throw await FailureAsync(response, cancellationToken);
        }

        if (partial.ExpectedLength > maxBytes)
            throw new ArchiveException(ArchiveFailureReasons.TooLarge, $"video is {partial.ExpectedLength} bytes, over the {maxBytes}-byte limit");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await partial.AppendAsync(body, cancellationToken);
        if (partial.ExpectedLength is { } expected && partial.Length != expected)
            throw new ArchiveException(ArchiveFailureReasons.DownloadFailed, $"download ended after {partial.Length} of {expected} bytes", transient: true);
    }

    /// <summary>Only a strong validator may guard a resume (RFC 9110 §13.1.5).</summary>
    private static RangeConditionHeaderValue? Validator(HttpResponseMessage response) =>
        response.Headers.ETag is { IsWeak: false } etag ? new(etag)
        : response.Content.Headers.LastModified is { } lastModified ? new(lastModified)
        : null;

    private static async Task<ArchiveException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"source answered {(int)response.StatusCode} {response.ReasonPhrase}";
        var said = await SourceAnswer.ReadAsync(response, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone =>
                new ArchiveException(ArchiveFailureReasons.LinkExpired, $"{status}: the link has probably expired{said}"),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests =>
                new ArchiveException(ArchiveFailureReasons.DownloadFailed, $"{status}{said}", transient: true),
            _ => new ArchiveException(ArchiveFailureReasons.DownloadFailed, $"{status}{said}"),
        };
    }

    private static TimeSpan RetryDelay(int failures, ArchiveOptions settings) => TimeSpan.FromMilliseconds(
        Math.Min(settings.RetryDelayMilliseconds * Math.Pow(2, failures - 1), settings.MaxRetryDelaySeconds * 1000.0));
}
