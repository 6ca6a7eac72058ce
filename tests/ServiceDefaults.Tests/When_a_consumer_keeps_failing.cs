using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using VideoPlatform.ServiceDefaults.Tests.Support;

namespace VideoPlatform.ServiceDefaults.Tests;

/// <summary>
/// A transient fault is tried through every wait, quick and outage-long, before a message could reach _error; any
/// other fault gets the quick tries only. Waits are shortened to milliseconds here; the counts are what matters.
/// </summary>
public sealed class When_a_consumer_keeps_failing
{
    [Theory]
    [InlineData("transient", 1 + 4 + 4)]
    [InlineData("other", 1 + 4)]
    public async Task It_is_tried_as_often_as_its_kind_of_fault_deserves(string kind, int expectedTries)
    {
        var counter = new FaultingConsumer.Counter();
        using var host = InMemoryBusHost.Build(
            x => x.AddConsumer<FaultingConsumer>(),
            builder =>
            {
                builder.Services.AddSingleton(counter);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Bus:QuickRetries:0"] = "00:00:00.001", ["Bus:QuickRetries:1"] = "00:00:00.001",
                    ["Bus:QuickRetries:2"] = "00:00:00.001", ["Bus:QuickRetries:3"] = "00:00:00.001",
                    ["Bus:OutageRetries:0"] = "00:00:00.002", ["Bus:OutageRetries:1"] = "00:00:00.002",
                    ["Bus:OutageRetries:2"] = "00:00:00.002", ["Bus:OutageRetries:3"] = "00:00:00.002",
                });
            });
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<IBus>().Publish(new FaultProbe(kind));
            await counter.Faulted.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await Task.Delay(200);   // room for a try that should not come

            counter.Tries.ShouldBe(expectedTries);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}

public sealed record FaultProbe(string Kind);

public sealed class FaultingConsumer(FaultingConsumer.Counter counter) : IConsumer<FaultProbe>
{
    public Task Consume(ConsumeContext<FaultProbe> context)
    {
        var tries = Interlocked.Increment(ref counter.Tries);
        if (tries >= (context.Message.Kind == "transient" ? 9 : 5))
            counter.Faulted.TrySetResult();
        throw context.Message.Kind == "transient"
            ? new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111))
            : new InvalidOperationException("a bug");
    }

    public sealed class Counter
    {
        public int Tries;
        public TaskCompletionSource Faulted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
