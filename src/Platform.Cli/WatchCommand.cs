using System.CommandLine;
using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary><c>watch</c>: shows one request's progress until it ends, then prints where its videos were archived.</summary>
internal static class WatchCommand
{
    /// <summary>How long one poll waits for the poller before saying it did not answer and asking again.</summary>
    private static readonly RequestTimeout AnswerTimeout = RequestTimeout.After(s: 10);

    public static Command Create()
    {
        var requestId = new Argument<Guid>("request-id") { Description = "the request id" };
        var interval = new Option<double>("--interval") { HelpName = "seconds", Description = "seconds between status polls", DefaultValueFactory = _ => 1 };
        var timeout = new Option<int>("--timeout") { HelpName = "seconds", Description = "seconds to watch before giving up", DefaultValueFactory = _ => 1800 };
        var notFoundGrace = new Option<int>("--not-found-grace")
        {
            HelpName = "seconds",
            Description = "seconds a request may be unknown to the poller (a just-published one is not tracked yet)",
            DefaultValueFactory = _ => 30,
        };
        var json = new Option<bool>("--json") { Description = "print the status as one JSON line whenever it changes" };
        var broker = BrokerOption.Create();

        var command = new Command("watch",
            "Show a request's progress until it ends; print the archived paths (exit 0), or why it failed (1), was canceled (4) or timed out (3)")
            { requestId, interval, timeout, notFoundGrace, json, broker };
        command.SetAction(broker.Then(async (parse, address, ct) =>
        {
            WatchSettings settings;
            try
            {
                settings = WatchSettings.From(parse.GetValue(interval), parse.GetValue(timeout), parse.GetValue(notFoundGrace), parse.GetValue(json));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadUsage;
            }
            return await RunAsync(parse.GetValue(requestId), settings, address, ct);
        }));
        return command;
    }

    private static async Task<int> RunAsync(Guid requestId, WatchSettings settings, BrokerAddress broker, CancellationToken ct)
    {
        var output = settings.Json ? WatchOutput.Json : Console.IsOutputRedirected ? WatchOutput.Lines : WatchOutput.Bar;
        var display = new WatchDisplay(Console.Out, Console.Error, output, TerminalWidth);
        using var ctrlC = new CtrlC(ct);
        var bus = await CliBus.StartAsync(broker, ctrlC.Token);
        try
        {
            var client = bus.CreateRequestClient<GetVideoTaskStatus>(AnswerTimeout);
            return await WatchLoop.RunAsync(async token =>
            {
                try
                {
                    var response = await client.GetResponse<VideoTaskStatus>(new GetVideoTaskStatus { RequestId = requestId }, token);
                    return response.Message;
                }
                catch (RequestTimeoutException)
                {
                    return null;
                }
            }, settings, display, ctrlC.Token);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>One column short of the window, so the bar never wraps onto a second line.</summary>
    private static int TerminalWidth() => Console.WindowWidth > 1 ? Console.WindowWidth - 1 : 79;
}
