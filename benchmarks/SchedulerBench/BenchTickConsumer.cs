using MassTransit;

namespace VideoPlatform.Benchmarks.Scheduler;

public sealed class BenchTickConsumer(TickCounter counter) : IConsumer<BenchTick>
{
    public Task Consume(ConsumeContext<BenchTick> context)
    {
        counter.Arrived(context.Message);
        return Task.CompletedTask;
    }
}
