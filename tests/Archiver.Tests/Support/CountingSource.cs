using Microsoft.AspNetCore.Http;

namespace VideoPlatform.Archiver.Tests.Support;

/// <summary>
/// A video source for the <see cref="ScriptedServer"/> that counts every byte it sends, as the crash test's simulator
/// does: serves the video in 40 pieces with a pause after each (a download that can be interrupted midway), from the
/// requested byte with 206 while <see cref="HonourRange"/>, else whole with 200.
/// </summary>
public sealed class CountingSource(int length)
{
    private long served;

    public bool HonourRange { get; set; } = true;

    public long Served => Interlocked.Read(ref served);

    /// <summary>When set, the next answer stops sending once this many bytes were served in all, until its client gives up.</summary>
    public long? StallAt { get; set; }

    public async Task ServeAsync(HttpContext context)
    {
        var bytes = TestVideo.Bytes(length);
        var from = HonourRange ? context.Request.GetTypedHeaders().Range?.Ranges.Single().From ?? 0 : 0;
        context.Response.ContentType = "video/mp4";
        context.Response.Headers.ETag = $"\"v{length}\"";
        context.Response.ContentLength = length - from;
        if (from > 0)
        {
            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {from}-{length - 1}/{length}";
        }
        var piece = length / 40;
        for (var offset = (int)from; offset < length; offset += piece)
        {
            var count = Math.Min(piece, length - offset);
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, count), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            Interlocked.Add(ref served, count);
            if (Served >= StallAt)
            {
                StallAt = null;
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            await Task.Delay(10, context.RequestAborted);
        }
    }

    /// <summary>Waits until well over half the video was sent: the moment to interrupt the delivery downloading it.</summary>
    public async Task MostlySentAsync(Task download)
    {
        while (Served < length * 7L / 10 && !download.IsCompleted)
            await Task.Delay(5);
    }
}
