using MassTransit;

namespace VideoPlatform.Poller.DueChecks;

/// <summary>
/// When this process last began consuming a message, on any endpoint: the one sign that its consumers still take
/// messages. A check dropped for waiting too long under a rate limit counts, since it was taken.
/// </summary>
public sealed class ConsumeActivity(TimeProvider time) : IConsumeObserver
{
    private long _lastTicks = time.GetUtcNow().UtcTicks;

    public DateTimeOffset LastConsumedAt => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Exchange(ref _lastTicks, time.GetUtcNow().UtcTicks);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
