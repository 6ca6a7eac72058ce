using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VideoPlatform.ServiceDefaults.Tests;

/// <summary>The bus is built on the RabbitMQ transport but never started: its probe shows what it would declare.</summary>
public class When_a_receive_endpoint_is_declared_on_rabbitmq
{
    [Fact]
    public void Should_declare_its_quorum_queue_with_the_delivery_limit_and_its_error_queue_as_dead_letter_exchange()
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "declare-probe-service" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:DeliveryLimit"] = "7" });
        builder.AddPlatformBus(x => x.AddConsumer<DeclareProbeConsumer>());
        using var host = builder.Build();

        // Act
        var probe = JsonSerializer.Serialize(host.Services.GetRequiredService<IBusControl>().GetProbeResult());

        // Assert
        probe.ShouldContain("\"x-delivery-limit\":7");
        probe.ShouldContain("\"x-dead-letter-exchange\":\"declare-probe_error\"");
    }
}

public record DeclareProbe;

public sealed class DeclareProbeConsumer : IConsumer<DeclareProbe>
{
    public Task Consume(ConsumeContext<DeclareProbe> context) => Task.CompletedTask;
}
