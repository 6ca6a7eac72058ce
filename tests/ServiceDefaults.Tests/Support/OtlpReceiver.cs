using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.ServiceDefaults.Tests.Support;

/// <summary>
/// A stand-in OTLP collector on a free loopback port, speaking OTLP/HTTP (<c>POST /v1/traces</c>, <c>/v1/metrics</c>;
/// an empty 200 answer is a valid export response) or OTLP/gRPC (HTTP/2 without TLS,
/// <c>/opentelemetry.proto.collector.{signal}.v1.*/Export</c>), and keeps the (protobuf) bodies.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<OtlpReceiver> StartAsync(bool grpc = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (grpc)
            builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        receiver._app.MapPost("/opentelemetry.proto.collector.{signal}.v1.{service}/Export", receiver.ReceiveGrpcAsync);
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

    private async Task ReceiveGrpcAsync(string signal, HttpContext context)
    {
        using var copy = new MemoryStream();
        await context.Request.Body.CopyToAsync(copy);
        _received.Enqueue((signal, copy.ToArray()));
        // One uncompressed, empty response message, then the OK status as a trailer.
        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer("grpc-status", "0");
        await context.Response.Body.WriteAsync(new byte[5]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
