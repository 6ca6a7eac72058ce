using Microsoft.Extensions.Configuration;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Cli;

/// <summary>
/// Which broker a command talks to: <c>--rabbitmq</c>, else <c>RABBITMQ_URL</c>, else the services' own
/// <c>RabbitMq__Host</c>/<c>Port</c>/<c>Username</c>/<c>Password</c>/<c>VirtualHost</c> (defaults: guest on 127.0.0.1:5672, vhost /).
/// </summary>
internal static class BrokerSource
{
    public const string OptionName = "--rabbitmq";
    public const string UrlVariable = "RABBITMQ_URL";

    /// <exception cref="FormatException">The chosen URI is malformed; the message names where it came from.</exception>
    public static BrokerAddress Resolve(string? option, IConfiguration environment)
    {
        if (option is not null)
            return Parse(option, OptionName);
        if (environment[UrlVariable] is { Length: > 0 } url)
            return Parse(url, UrlVariable);
        var rabbit = RabbitMqOptions.From(environment);
        return new BrokerAddress(rabbit.Host, rabbit.Port, rabbit.VirtualHost, rabbit.Username, rabbit.Password, useTls: false);
    }

    private static BrokerAddress Parse(string uri, string source)
    {
        try
        {
            return BrokerUri.Parse(uri);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source} is {e.Message}");
        }
    }
}
