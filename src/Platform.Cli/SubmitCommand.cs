using System.CommandLine;
using System.Text.Json;
using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary><c>submit</c>: publishes a GenerateVideo and, with <c>--wait</c>, follows it to its end.</summary>
internal static class SubmitCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var provider = new Option<string?>("--provider") { Description = "modellix, myrouter or evolink (case-insensitive)" };
        var model = new Option<string>("--model") { Description = "the provider's model name, e.g. kling-v3-i2v", Required = true };
        var prompt = new Option<string?>("--prompt") { Description = "what the video shows" };
        var image = new Option<string?>("--image") { Description = "first frame / reference image URL or base64" };
        var options = new Option<string[]>("--option") { Description = $"more fields as key=value, named as in the provider's docs (repeatable); {ListOptionValue.Help}" };
        var requestId = new Option<Guid?>("--request-id") { Description = "the request id (default: a new one); re-using one never submits twice" };
        var wait = new Option<bool>("--wait") { Description = "follow the request and exit 0 once the video is archived" };
        var json = new Option<bool>("--json") { Description = "print the final event as one JSON object" };
        var timeout = new Option<int>("--timeout") { Description = "seconds to wait with --wait", DefaultValueFactory = _ => 1800 };
        var broker = BrokerOption.Create();

        var command = new Command("submit", "Publish a GenerateVideo command") { provider, model, prompt, image, options, requestId, wait, json, timeout, broker };
        command.SetAction(broker.Then(async (parse, address, ct) =>
        {
            VideoOptions videoOptions;
            try
            {
                videoOptions = VideoOptionsParser.Parse(
                    new VideoOptions { Prompt = parse.GetValue(prompt), Image = parse.GetValue(image) },
                    parse.GetValue(options) ?? []);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadUsage;
            }

            var message = new GenerateVideo
            {
                RequestId = parse.GetValue(requestId) ?? NewId.NextGuid(),
                Provider = parse.GetValue(provider),
                Model = parse.GetValue(model)!,
                Options = videoOptions,
            };
            return await RunAsync(message, address, parse.GetValue(wait), parse.GetValue(json), TimeSpan.FromSeconds(parse.GetValue(timeout)), ct);
        }));
        return command;
    }

    private static async Task<int> RunAsync(GenerateVideo message, BrokerAddress broker, bool wait, bool json, TimeSpan timeout, CancellationToken ct)
    {
        var follower = new RequestFollower(message.RequestId, line => { if (!json) Console.Error.WriteLine(line); });
        var bus = await CliBus.StartAsync(broker, ct, wait ? follower.Configure : null);
        try
        {
            await bus.Publish(message, ct);
            Console.Error.WriteLine($"published request {message.RequestId}");
            if (!wait)
            {
                Console.WriteLine(message.RequestId);
                return ExitCodes.Archived;
            }

            var finished = await Task.WhenAny(follower.Terminal, Task.Delay(timeout, ct));
            if (finished != follower.Terminal)
            {
                Console.Error.WriteLine($"error: no final event within {timeout.TotalSeconds:0} s");
                return ExitCodes.TimedOut;
            }
            return Report(await follower.Terminal, json);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static int Report(object terminal, bool json)
    {
        var outcome = SubmitOutcome.For(terminal);
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(terminal, terminal.GetType(), Json));
        else
            foreach (var line in outcome.Output)
                Console.WriteLine(line);
        if (outcome.Message is not null)
            Console.Error.WriteLine(outcome.Message);
        return outcome.ExitCode;
    }
}
