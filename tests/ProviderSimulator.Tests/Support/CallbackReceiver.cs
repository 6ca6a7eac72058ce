using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ProviderSimulator.Tests.Support;

/// <summary>A real HTTP server on a free loopback port that records every callback posted to it.</summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedCallback> received = new();
    private readonly SemaphoreSlim arrivals = new(0);
    private int failuresLeft;

    private CallbackReceiver(int failFirst, TimeSpan stall)
    {
        failuresLeft = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        app = builder.Build();
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var callback = new ReceivedCallback(
                DateTimeOffset.UtcNow, request.Path, request.ContentType, await reader.ReadToEndAsync());
            received.Enqueue(callback);
            arrivals.Release();
            // The first answers fail, as a receiver that is briefly down would.
            if (Interlocked.Decrement(ref failuresLeft) < 0)
                return Results.Ok();
            try
            {
                await Task.Delay(stall, request.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The sender gave up waiting; nobody reads the answer any more.
            }
            return Results.StatusCode(500);
        });
    }

    /// <summary>Where to send callbacks; each test can add its own path to tell its tasks apart.</summary>
    public string Url(string path = "/hook") => app.Urls.Single() + path;

    /// <summary>Every request received, failed ones included, in arrival order.</summary>
    public IReadOnlyList<ReceivedCallback> Received => received.ToArray();

    /// <param name="failFirst">How many requests to answer 500 before answering 200.</param>
    /// <param name="stall">How long each failing answer is held back first, to outlast a sender's timeout.</param>
    public static async Task<CallbackReceiver> StartAsync(int failFirst = 0, TimeSpan stall = default)
    {
        var receiver = new CallbackReceiver(failFirst, stall);
        await receiver.app.StartAsync();
        return receiver;
    }

    /// <summary>Waits for the <paramref name="count"/>th request in total; throws when it does not come in time.</summary>
    public async Task<ReceivedCallback> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrivals.WaitAsync(left))
                throw new TimeoutException($"{received.Count} callbacks received, expected {count} within {timeout}");
        }
        return Received[count - 1];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
