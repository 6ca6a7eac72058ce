using System.CommandLine;
using MassTransit;
using Microsoft.Extensions.Configuration;

namespace VideoPlatform.Cli;

/// <summary><c>--rabbitmq</c>, on every command that talks to the bus.</summary>
internal static class BrokerOption
{
    public static Option<string?> Create() => new(BrokerSource.OptionName)
    {
        HelpName = "uri",
        Description = $"the broker, amqp[s]://user:password@host[:port]/vhost (default: ${BrokerSource.UrlVariable}, else RabbitMq__Host, " +
                      "__Port, __Username, __Password, __VirtualHost; guest on 127.0.0.1:5672). Other local users can read a " +
                      $"command line: prefer {BrokerSource.UrlVariable} for a real password",
    };

    /// <summary>
    /// The command's action, run once the broker is known: a malformed URI stops it with exit code 2, a broker that refuses
    /// the connection or does not answer within the connect timeout with 1.
    /// </summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Then(
        this Option<string?> option, Func<ParseResult, BrokerAddress, CancellationToken, Task<int>> action) =>
        async (parse, ct) =>
        {
            BrokerAddress broker;
            try
            {
                broker = BrokerSource.Resolve(parse.GetValue(option), new ConfigurationBuilder().AddEnvironmentVariables().Build());
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadUsage;
            }
            try
            {
                return await action(parse, broker, ct);
            }
            catch (Exception e) when (e is RabbitMqConnectionException or BrokerUnreachableException)
            {
                // The broker's own reason (refused login, unknown vhost, no route) is enough; the stack trace is not for users.
                Console.Error.WriteLine($"error: cannot connect to {broker}: {e.GetBaseException().Message}");
                return ExitCodes.Failed;
            }
        };
}
