using System.CommandLine;
using System.Text.Json;
using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary><c>cancel</c>: stops the platform following a request and prints the outcome as JSON.</summary>
internal static class CancelCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var requestId = new Argument<Guid>("request-id") { Description = "the request id" };
        var broker = BrokerOption.Create();
        var command = new Command("cancel",
            "Cancel an open request (exit 0 when canceled or already finished, 1 when unknown). The provider may still finish and bill it.")
            { requestId, broker };
        command.SetAction(broker.Then(async (parse, address, ct) =>
        {
            var bus = await CliBus.StartAsync(address, ct);
            try
            {
                var client = bus.CreateRequestClient<CancelVideoTask>(RequestTimeout.After(s: 30));
                var response = await client.GetResponse<CancelVideoTaskResult>(new CancelVideoTask { RequestId = parse.GetValue(requestId) }, ct);
                Console.WriteLine(JsonSerializer.Serialize(response.Message, Json));
                return response.Message.Outcome == CancelOutcomes.NotFound ? ExitCodes.Failed : ExitCodes.Ok;
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
