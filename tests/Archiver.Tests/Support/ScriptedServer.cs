using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.Archiver.Tests.Support;

/// <summary>
/// A real HTTP server on a free loopback port whose answers a test scripts, numbered from 0, for the faults the
/// simulator has no marker for (a body cut short, a server that ignores Range, a stall). It records what it was asked.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int count;

    private ScriptedServer(Func<HttpContext, int, Task> answer)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(context =>
        {
            var number = Interlocked.Increment(ref count) - 1;
            var headers = context.Request.Headers;
            Requests.Enqueue(new SeenRequest(context.Request.Path, headers.Range.ToString(), headers.IfRange.ToString()));
            return answer(context, number);
        });
    }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public Uri BaseAddress => new(app.Urls.Single());

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<ScriptedServer> StartAsync(Func<HttpContext, int, Task> answer)
    {
        var server = new ScriptedServer(answer);
        await server.app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
