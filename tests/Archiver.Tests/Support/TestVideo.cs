using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ProviderSimulator.Media;

namespace VideoPlatform.Archiver.Tests.Support;

/// <summary>The simulator's video of any size (its clip plus filler): a valid MP4 whose bytes depend on their offset.</summary>
public static class TestVideo
{
    public static byte[] Bytes(long length)
    {
        using var video = LargeVideo.Create(length)!;
        var bytes = new byte[length];
        video.ReadExactly(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Serves the video as a CDN does: Content-Length, strong ETag, Range requests answered with 206.</summary>
    public static Task ServeAsync(HttpContext context, long length) =>
        Results.Stream(LargeVideo.Create(length)!, "video/mp4", entityTag: new EntityTagHeaderValue($"\"v{length}\""), enableRangeProcessing: true)
            .ExecuteAsync(context);

    /// <summary>
    /// Announces the whole video, sends its first <paramref name="sent"/> bytes and ends: Kestrel then closes the
    /// connection after sending exactly those bytes (an abort could drop some still buffered).
    /// </summary>
    public static async Task CutAsync(HttpContext context, long length, int sent)
    {
        context.Response.ContentType = "video/mp4";
        context.Response.ContentLength = length;
        context.Response.Headers.ETag = $"\"v{length}\"";
        context.Response.Headers.AcceptRanges = "bytes";
        await context.Response.Body.WriteAsync(Bytes(length).AsMemory(0, sent));
        await context.Response.Body.FlushAsync();
    }

    /// <summary>Serves the whole video in <paramref name="pieces"/> pieces with a pause after each: a download that takes a while.</summary>
    public static async Task ServeSlowlyAsync(HttpContext context, int length, int pieces, TimeSpan pause)
    {
        var bytes = Bytes(length);
        context.Response.ContentType = "video/mp4";
        context.Response.ContentLength = length;
        var piece = (length + pieces - 1) / pieces;
        for (var offset = 0; offset < length; offset += piece)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, length - offset)));
            await context.Response.Body.FlushAsync();
            await Task.Delay(pause);
        }
    }
}
