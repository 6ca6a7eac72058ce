using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Options;

namespace VideoPlatform.Poller.Scheduling;

/// <summary>Sends due scheduled messages to their destinations, in batches, until the host stops.</summary>
public sealed class ScheduledMessageDispatcher(
    IScheduledMessageStore store,
    IBus bus,
    IOptions<SchedulerOptions> options,
    ILogger<ScheduledMessageDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var idle = TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await store.DispatchDueAsync(settings.BatchSize, SendAsync, ReportSendFailure, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Dispatching scheduled messages failed; they stay stored and are retried");
                sent = 0;
                await Task.Delay(idle * 5, stoppingToken);
            }
            // A full batch means more are probably due: go again at once.
            if (sent < settings.BatchSize)
                await Task.Delay(idle, stoppingToken);
        }
    }

    private void ReportSendFailure(ScheduledMessage message, Exception error) =>
        logger.LogWarning(error, "Could not send scheduled message {TokenId} to {Destination}; it will be tried again", message.TokenId, message.Destination);

    private async Task SendAsync(ScheduledMessage message, CancellationToken cancellationToken)
    {
        using var span = DispatchTelemetry.StartDispatch(message);
        var endpoint = await bus.GetSendEndpoint(new Uri(message.Destination));
        await endpoint.Send(new SerializedMessageBody(), new ForwardScheduledMessagePipe(message), cancellationToken);
    }
}
