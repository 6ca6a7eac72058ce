using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Submitter.Slots;

/// <summary>
/// Moves the line: whenever a task ends (and every <see cref="SubmitterOptions.SlotDispatchIntervalMilliseconds"/> as a
/// backstop, for requests put back until later and for admissions whose command was lost), gives each provider's free
/// slots to the head of its line and sends their commands back to the submitter's own queue, each in the trace its
/// request started.
/// </summary>
public sealed class SlotDispatcher(
    SlotLine line,
    ProviderSlots slots,
    IBus bus,
    IEndpointNameFormatter endpointNames,
    IOptions<SubmitterOptions> options,
    TimeProvider time,
    ILogger<SlotDispatcher> logger) : BackgroundService
{
    private const int Batch = 100;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a round now, without waiting for the interval.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is already asked for.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.SlotDispatchIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Giving out provider slots failed; trying again in {Interval}", interval);
            }
            await _wake.WaitAsync(interval, stoppingToken);
        }
    }

    /// <summary>One round over every provider with a line; returns how many commands were sent.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var sent = 0;
        // To the exchange bound to the queue: an address of the queue itself would declare it again without its arguments.
        var queue = await bus.GetSendEndpoint(new Uri($"exchange:{endpointNames.Consumer<GenerateVideoConsumer>()}"));
        foreach (var provider in await line.ProvidersInLineAsync(ct))
        {
            var admitted = await line.AdmitAsync(provider, slots.LimitOf(provider), Batch, time.GetUtcNow(), options.Value.Lease, ct);
            foreach (var admission in admitted)
            {
                if (Read(admission) is { } command)
                {
                    await SendAsync(queue, admission, command, ct);
                    sent++;
                }
                else
                    await line.LeaveAsync(admission.RequestId, FailureReasons.InvalidRequest,
                        "the request's command could not be read back when its turn came", announced: false, time.GetUtcNow(), ct);
            }
        }
        return sent;
    }

    /// <summary>The kept command, or null when it no longer reads (written by another version): that one leaves the line failed, the rest go on.</summary>
    private GenerateVideo? Read(Admission admission)
    {
        if (WaitingCommand.TryRead(admission.Command, out var command, out var error))
            return command;
        logger.LogError("The kept command of {RequestId} does not read back ({Error}); it leaves the line failed", admission.RequestId, error);
        return null;
    }

    private async Task SendAsync(ISendEndpoint queue, Admission admission, GenerateVideo command, CancellationToken ct)
    {
        ActivityContext.TryParse(admission.TraceParent, null, isRemote: true, out var parent);
        using var span = PlatformTelemetry.ActivitySource.StartActivity("slot given", ActivityKind.Producer, parent)
            ?.SetTag(PlatformTelemetry.Tags.RequestId, admission.RequestId)
            .SetTag(PlatformTelemetry.Tags.Provider, admission.Provider);
        await queue.Send(command, ct);
        logger.LogInformation("Request {RequestId} was given a {Provider} slot", admission.RequestId, admission.Provider);
    }
}
