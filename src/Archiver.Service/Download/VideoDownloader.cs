using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Storage;

namespace VideoPlatform.Archiver;

/// <summary>
/// Streams one video to a file while hashing it, never holding it in memory, and checks that it is complete
/// and really a video container.
/// </summary>
public sealed class VideoDownloader(HttpClient http, IOptions<ArchiveOptions> options)
{
    private const int BufferSize = 1 << 20;

    public async Task<DownloadResult> DownloadAsync(Uri source, string targetPath, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.DownloadTimeoutSeconds));
        try
        {
            using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            EnsureUsable(response, settings.MaxBytes);
            await using var content = await response.Content.ReadAsStreamAsync(timeout.Token);
            var (size, sha256, header) = await CopyAsync(content, targetPath, settings.MaxBytes, timeout.Token);

            if (response.Content.Headers.ContentLength is { } expected && expected != size)
                throw new ArchiveException($"download ended after {size} of {expected} bytes", transient: true);
            var format = VideoFormat.Detect(header)
                ?? throw new ArchiveException(
                    $"content is not a video container (Content-Type {response.Content.Headers.ContentType?.MediaType ?? "none"}, first bytes {Convert.ToHexString(header)})",
                    transient: false);
            return new DownloadResult(size, sha256, format, Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            throw new ArchiveException($"download failed: {e.Message}", transient: true);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ArchiveException($"download cut off: {e.Message}", transient: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ArchiveException($"download took longer than {settings.DownloadTimeoutSeconds} s", transient: true);
        }
    }

    private static void EnsureUsable(HttpResponseMessage response, long maxBytes)
    {
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            var hint = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Gone
                ? " (the link has probably expired)"
                : "";
            throw new ArchiveException($"source answered {status} {response.ReasonPhrase}{hint}", transient);
        }
        if (response.Content.Headers.ContentLength > maxBytes)
            throw new ArchiveException($"video is {response.Content.Headers.ContentLength} bytes, over the {maxBytes}-byte limit", transient: false);
    }

    private static async Task<(long Size, string Sha256, byte[] Header)> CopyAsync(Stream content, string targetPath, long maxBytes, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var target = new FileStream(targetPath, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            var header = new byte[VideoFormat.HeaderLength];
            var headerLength = 0;
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                size += read;
                if (size > maxBytes)
                    throw new ArchiveException($"video exceeds the {maxBytes}-byte limit", transient: false);
                if (headerLength < header.Length)
                {
                    var take = Math.Min(read, header.Length - headerLength);
                    buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                    headerLength += take;
                }
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            await target.FlushAsync(ct);
            return (size, Convert.ToHexStringLower(hash.GetHashAndReset()), header[..headerLength]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

public sealed record DownloadResult(long SizeBytes, string Sha256, string Format, TimeSpan Elapsed);
