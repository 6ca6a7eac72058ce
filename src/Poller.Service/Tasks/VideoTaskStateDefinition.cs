using MassTransit;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// The task saga's endpoint. Retries, the in-memory outbox and the quorum queue come from the platform's conventions
/// for every endpoint (<c>AddPlatformBus</c>); only how many steps run at once is the saga's own.
/// </summary>
public sealed class VideoTaskStateDefinition : SagaDefinition<VideoTaskState>
{
    /// <summary>
    /// Steps at once: what MassTransit's RabbitMQ endpoints take by default (two per core, at most 16), written down so a
    /// change is deliberate. Each step is one short transaction on its task's row, so more would mostly wait for the
    /// database; two steps for the same task never run together, the row lock serialises them.
    /// </summary>
    public static readonly int ConcurrentSteps = Math.Min(Environment.ProcessorCount * 2, 16);

    public VideoTaskStateDefinition()
    {
        Endpoint(e =>
        {
            e.PrefetchCount = ConcurrentSteps;
            e.ConcurrentMessageLimit = ConcurrentSteps;
        });
    }
}
