using System.Globalization;
using MassTransit;

namespace VideoPlatform.Cli;

/// <summary>A short-lived bus for the CLI, connected to the broker <see cref="BrokerSource"/> chose.</summary>
internal static class CliBus
{
    /// <summary>Seconds to wait for the broker before giving up (MassTransit alone would retry forever).</summary>
    public const string ConnectTimeoutVariable = "PLATFORM_CLI_CONNECT_TIMEOUT_SECONDS";

    private const int DefaultConnectTimeoutSeconds = 30;

    /// <summary>
    /// A bus on <paramref name="broker"/>, started; throws <see cref="BrokerUnreachableException"/> when the broker has
    /// not answered within the connect timeout.
    /// </summary>
    public static async Task<IBusControl> StartAsync(
        BrokerAddress broker, CancellationToken cancellationToken, Action<IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.HostSettings());
            configure?.Invoke(cfg);
        });
        var timeout = ConnectTimeout();
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(timeout);
        try
        {
            await bus.StartAsync(connecting.Token);
            return bus;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnreachableException(timeout);
        }
    }

    private static TimeSpan ConnectTimeout() =>
        double.TryParse(Environment.GetEnvironmentVariable(ConnectTimeoutVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(DefaultConnectTimeoutSeconds);
}

/// <summary>No connection to the broker within the CLI's connect timeout.</summary>
internal sealed class BrokerUnreachableException(TimeSpan timeout)
    : Exception($"no answer within {timeout.TotalSeconds:0} s (set {CliBus.ConnectTimeoutVariable} to wait longer)");
