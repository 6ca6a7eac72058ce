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
        // Act
        var probe = ProbeOfABusWith(deliveryLimit: "7");

        // Assert
        probe.ShouldContain("\"x-delivery-limit\":7");
        probe.ShouldContain("\"x-dead-letter-exchange\":\"declare-probe_error\"");
    }

    [Fact]
    public void Should_declare_neither_when_the_limit_is_left_to_a_broker_policy()
    {
        // Act
        var probe = ProbeOfABusWith(deliveryLimit: "0");

        // Assert
        probe.ShouldContain("\"x-queue-type\":\"quorum\"");
        probe.ShouldNotContain("x-delivery-limit");
        probe.ShouldNotContain("x-dead-letter-exchange");
    }

    private static string ProbeOfABusWith(string deliveryLimit)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "declare-probe-service" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:DeliveryLimit"] = deliveryLimit });
        builder.AddPlatformBus(x => x.AddConsumer<DeclareProbeConsumer>());
        using var host = builder.Build();
        return JsonSerializer.Serialize(host.Services.GetRequiredService<IBusControl>().GetProbeResult());
    }
}

public record DeclareProbe;

public sealed class DeclareProbeConsumer : IConsumer<DeclareProbe>
{
    public Task Consume(ConsumeContext<DeclareProbe> context) => Task.CompletedTask;
}
