using System.CommandLine;
using System.Text.Json;
using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary><c>status</c>: asks the poller where a request is and prints the answer as JSON.</summary>
internal static class StatusCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var requestId = new Argument<Guid>("request-id") { Description = "the request id" };
        var broker = BrokerOption.Create();
        var command = new Command("status", "Print a request's status (exit 1 when the platform does not know it)") { requestId, broker };
        command.SetAction(broker.Then(async (parse, address, ct) =>
        {
            var bus = await CliBus.StartAsync(address, ct);
            try
            {
                var client = bus.CreateRequestClient<GetVideoTaskStatus>(RequestTimeout.After(s: 30));
                var response = await client.GetResponse<VideoTaskStatus>(new GetVideoTaskStatus { RequestId = parse.GetValue(requestId) }, ct);
                Console.WriteLine(JsonSerializer.Serialize(response.Message, Json));
                return response.Message.Found ? ExitCodes.Ok : ExitCodes.Failed;
            }
            catch (RequestTimeoutException)
            {
                Console.Error.WriteLine("error: no answer from the poller");
                return ExitCodes.TimedOut;
            }
            finally
            {
                await bus.StopAsync(CancellationToken.None);
            }
        }));
        return command;
    }
}
