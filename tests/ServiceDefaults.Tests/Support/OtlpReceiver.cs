using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.ServiceDefaults.Tests.Support;

/// <summary>
/// A stand-in OTLP/HTTP collector on a free loopback port: accepts <c>POST /v1/traces</c> and <c>/v1/metrics</c>
/// and keeps the (protobuf) bodies. An empty 200 answer is a valid, empty export response.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>The bodies posted for one signal (<c>traces</c>, <c>metrics</c>), decompressed.</summary>
    public IReadOnlyList<byte[]> Received(string signal) => _received.Where(r => r.Signal == signal).Select(r => r.Body).ToList();

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        _received.Enqueue((signal, copy.ToArray()));
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
