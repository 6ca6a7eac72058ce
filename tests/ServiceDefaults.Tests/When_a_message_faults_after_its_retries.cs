using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoPlatform.ServiceDefaults.Tests.Support;

namespace VideoPlatform.ServiceDefaults.Tests;

/// <summary>The platform's real retry policy runs here: a poison message takes the quick tries (about 14 s) to reach _error.</summary>
public class When_a_message_faults_after_its_retries
{
    [Fact]
    public async Task Should_count_it_once_when_it_is_moved_to_the_error_queue()
    {
        // Arrange
        using var counts = new DeadLetterCounts();
        using var host = InMemoryBusHost.Build(x => x.AddConsumer<PoisonProbeConsumer>(), builder =>
            builder.Services.AddSingleton<PoisonProbeConsumer.Attempts>(), "poison-probe-service");
        await host.StartAsync();

        // Act
        await host.Services.GetRequiredService<IBus>().Publish(new PoisonProbe());
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (counts.For(PoisonProbeConsumer.Queue) == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a second, wrong count
        await host.StopAsync();

        // Assert: every try was made, and the move to _error was counted once, not once per try.
        host.Services.GetRequiredService<PoisonProbeConsumer.Attempts>().Count.ShouldBe(5);
        counts.For(PoisonProbeConsumer.Queue, nameof(PoisonProbe)).ShouldBe(1, counts.Describe());
    }

    [Fact]
    public async Task Should_not_count_a_message_that_succeeds_on_a_retry()
    {
        // Arrange
        using var counts = new DeadLetterCounts();
        using var host = InMemoryBusHost.Build(x => x.AddConsumer<FlakyProbeConsumer>(), builder =>
            builder.Services.AddSingleton<FlakyProbeConsumer.Succeeded>(), "flaky-probe-service");
        await host.StartAsync();

        // Act
        await host.Services.GetRequiredService<IBus>().Publish(new FlakyProbe());
        var attempts = await host.Services.GetRequiredService<FlakyProbeConsumer.Succeeded>().Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await host.StopAsync();

        // Assert
        attempts.ShouldBe(FlakyProbeConsumer.FailedTries + 1);
        counts.For(FlakyProbeConsumer.Queue).ShouldBe(0);
    }
}

public record PoisonProbe;

public sealed class PoisonProbeConsumer(PoisonProbeConsumer.Attempts attempts) : IConsumer<PoisonProbe>
{
    public const string Queue = "poison-probe";

    public Task Consume(ConsumeContext<PoisonProbe> context)
    {
        Interlocked.Increment(ref attempts.Count);
        throw new InvalidOperationException("a message that can never be processed");
    }

    public sealed class Attempts
    {
        public int Count;
    }
}

public record FlakyProbe;

public sealed class FlakyProbeConsumer(FlakyProbeConsumer.Succeeded succeeded) : IConsumer<FlakyProbe>
{
    public const string Queue = "flaky-probe";
    public const int FailedTries = 2;

    public Task Consume(ConsumeContext<FlakyProbe> context)
    {
        var attempt = context.GetRetryAttempt() + 1;
        if (attempt <= FailedTries)
            throw new InvalidOperationException("fails on its first tries only");
        succeeded.TrySetResult(attempt);
        return Task.CompletedTask;
    }

    public sealed class Succeeded : TaskCompletionSource<int>;
}
