using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>
/// <c>load</c>: publishes many requests at once and waits for every one to reach a terminal event. Its queue is
/// durable, so events published while RabbitMQ restarts are not missed; delete it afterwards (<c>--queue</c> names it).
/// It is never purged: MassTransit purges on every reconnect, which wiped events that arrived while the broker
/// restarted. Leftover events of earlier runs carry other request ids and are ignored.
/// </summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var requests = new Option<int>("--requests") { Description = "how many requests", DefaultValueFactory = _ => 100 };
        var provider = new Option<string>("--provider") { DefaultValueFactory = _ => "modellix" };
        var model = new Option<string>("--model") { DefaultValueFactory = _ => "kling-v3-i2v" };
        var image = new Option<string>("--image") { DefaultValueFactory = _ => "https://example.com/keyframe.jpg" };
        var queue = new Option<string>("--queue") { Description = "durable queue for the events", DefaultValueFactory = _ => "load-driver" };
        var timeout = new Option<int>("--timeout") { Description = "seconds to wait for all terminal events", DefaultValueFactory = _ => 600 };
        var eventsOut = new Option<FileInfo?>("--events-out") { Description = "file to write one JSON line per request to, at the end" };
        var caller = new Option<string?>("--caller") { Description = "the caller every request names (default: the platform decides)" };
        var perMinute = new Option<int>("--per-minute") { Description = "publish at this pace instead of all at once (0: all at once)" };
        perMinute.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--per-minute must be 0 or more"); });
        var broker = BrokerOption.Create();

        var command = new Command("load", "Publish many requests and report how each ended (last line: JSON)")
        {
            requests, provider, model, image, queue, timeout, eventsOut, caller, perMinute, broker,
        };
        command.SetAction(broker.Then(async (parse, address, ct) =>
        {
            var run = new LoadRun();
            var bus = await CliBus.StartAsync(address, ct, cfg => cfg.ReceiveEndpoint(parse.GetValue(queue)!, e =>
            {
                Track<TaskQueued>(e, run, m => m.RequestId);
                Track<TaskSubmitted>(e, run, m => m.RequestId);
                Track<TaskCompleted>(e, run, m => m.RequestId);
                Track<VideoArchived>(e, run, m => m.RequestId);
                Track<TaskFailed>(e, run, m => m.RequestId);
                Track<GenerateVideoRejected>(e, run, m => m.RequestId);
                Track<ArchiveFailed>(e, run, m => m.RequestId);
            }));
            try
            {
                var started = Stopwatch.StartNew();
                var count = parse.GetValue(requests);
                var template = new LoadRequestTemplate(parse.GetValue(provider), parse.GetValue(model)!, parse.GetValue(image), parse.GetValue(caller));
                await PublishAsync(bus, run, template, count, parse.GetValue(perMinute), started, ct);
                Console.Error.WriteLine($"published {count} requests in {started.Elapsed.TotalSeconds:0.0} s");

                var deadline = TimeSpan.FromSeconds(parse.GetValue(timeout));
                while (run.Terminal < count && started.Elapsed < deadline)
                {
                    await Task.Delay(1000, ct);
                    Console.Error.WriteLine(run.Progress(started.Elapsed));
                }
                if (parse.GetValue(eventsOut) is { } file)
                {
                    await using var writer = file.CreateText();
                    await LoadEventLine.WriteAllAsync(writer, run.Requests);
                }
                Console.WriteLine(JsonSerializer.Serialize(LoadReport.From(run, started.Elapsed)));
                return run.Terminal == count ? ExitCodes.Archived : ExitCodes.TimedOut;
            }
            finally
            {
                await bus.StopAsync(CancellationToken.None);
            }
        }));
        return command;
    }

    private static async Task PublishAsync(
        IBus bus, LoadRun run, LoadRequestTemplate template, int count, int perMinute, Stopwatch started, CancellationToken ct)
    {
        if (perMinute > 0)
        {
            for (var i = 0; i < count; i++)
            {
                var wait = LoadPacing.StartOf(i, perMinute) - started.Elapsed;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, ct);
                await PublishOneAsync(bus, run, template, i, ct);
            }
            return;
        }
        // Many publishes in flight at once: one at a time, each waiting for its broker confirm, is far slower
        // than the platform takes them in, and a benchmark must get every request in flight quickly.
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct },
            async (i, token) => await PublishOneAsync(bus, run, template, i, token));
    }

    private static async Task PublishOneAsync(IBus bus, LoadRun run, LoadRequestTemplate template, int index, CancellationToken ct)
    {
        var id = NewId.NextGuid();
        run.Sent(id);
        await bus.Publish(template.For(id, index), ct);
    }

    private static void Track<T>(IReceiveEndpointConfigurator endpoint, LoadRun run, Func<T, Guid> requestId) where T : class =>
        endpoint.Handler<T>(context =>
        {
            run.Saw(requestId(context.Message), context.Message);
            return Task.CompletedTask;
        });
}
