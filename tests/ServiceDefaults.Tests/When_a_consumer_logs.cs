using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoPlatform.ServiceDefaults.Tests.Support;

namespace VideoPlatform.ServiceDefaults.Tests;

public class When_a_consumer_logs
{
    [Fact]
    public async Task Should_log_inside_a_scope_holding_the_request_id_and_the_consume_spans_trace()
    {
        // Arrange: the platform's bus conventions on the in-memory transport.
        var logs = new CapturedLogs();
        using var host = InMemoryBusHost.Build(x => x.AddConsumer<ScopeProbeConsumer>(), builder =>
        {
            builder.Logging.AddProvider(logs.CreateProvider());
            builder.Services.AddSingleton<ScopeProbeConsumer.Seen>();
        }, "scope-probe-service");
        await host.StartAsync();
        var requestId = Guid.NewGuid();

        // Act
        await host.Services.GetRequiredService<IBus>().Publish(new ScopeProbe { RequestId = requestId });
        var traceId = await host.Services.GetRequiredService<ScopeProbeConsumer.Seen>().Task.WaitAsync(TimeSpan.FromSeconds(10));
        await host.StopAsync();

        // Assert
        var line = logs.Lines.Where(l => l.Message == ScopeProbeConsumer.Line).ShouldHaveSingleItem();
        line.Scope.ShouldContainKeyAndValue(RequestIdScopeFilter<ScopeProbe>.PropertyName, requestId);
        line.Scope.ShouldContainKeyAndValue("TraceId", traceId);
        line.Scope.ShouldContainKey("SpanId");
    }
}

public record ScopeProbe
{
    public required Guid RequestId { get; init; }
}

public sealed class ScopeProbeConsumer(ScopeProbeConsumer.Seen seen, ILogger<ScopeProbeConsumer> logger) : IConsumer<ScopeProbe>
{
    public const string Line = "scope probe consumed";

    public Task Consume(ConsumeContext<ScopeProbe> context)
    {
        // A constant message: the request id must come from the scope, not from the text.
        logger.LogInformation(Line);
        seen.TrySetResult(Activity.Current?.TraceId.ToString() ?? "no span");
        return Task.CompletedTask;
    }

    public sealed class Seen : TaskCompletionSource<string>;
}
