using System.Text;
using Microsoft.Extensions.Hosting;
using VideoPlatform.ServiceDefaults.Tests.Support;

namespace VideoPlatform.ServiceDefaults.Tests;

/// <summary>The OpenTelemetry settings every operator knows from other services work here too.</summary>
public class When_standard_otel_settings_are_given
{
    private static IHost Build(OtlpReceiver receiver, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "otel-settings-probe" });
        builder.Configuration[TelemetryRegistration.OtlpEndpointKey] = receiver.BaseAddress.ToString();
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
        builder.AddServiceDefaults();
        return builder.Build();
    }

    [Fact]
    public async Task Should_name_the_service_and_its_resource_as_told()
    {
        // Arrange
        await using var receiver = await OtlpReceiver.StartAsync();
        var host = Build(receiver,
            ("OTEL_SERVICE_NAME", "renamed-by-operator"),
            ("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging-eu-7,team=video"));
        await host.StartAsync();

        // Act
        using (PlatformTelemetry.ActivitySource.StartActivity("resource-probe-span")) { }
        await host.StopAsync();
        host.Dispose(); // the SDK flushes what it holds as the host's services are disposed

        // Assert
        var traces = receiver.Received("traces").ShouldHaveSingleItem();
        Contains(traces, "renamed-by-operator").ShouldBeTrue("OTEL_SERVICE_NAME was not the service.name");
        Contains(traces, "otel-settings-probe").ShouldBeFalse("the application's own name overrode OTEL_SERVICE_NAME");
        Contains(traces, "staging-eu-7").ShouldBeTrue("OTEL_RESOURCE_ATTRIBUTES were not on the resource");
    }

    [Fact]
    public async Task Should_speak_grpc_when_the_protocol_says_so()
    {
        // Arrange
        await using var receiver = await OtlpReceiver.StartAsync(grpc: true);
        var host = Build(receiver, ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
        await host.StartAsync();

        // Act
        using (PlatformTelemetry.ActivitySource.StartActivity("grpc-probe-span")) { }
        await host.StopAsync();
        host.Dispose(); // the SDK flushes what it holds as the host's services are disposed

        // Assert
        receiver.Received("trace").ShouldContain(body => Contains(body, "grpc-probe-span"), "no gRPC trace export carried the span");
    }

    [Fact]
    public async Task Should_export_metrics_as_often_as_the_interval_says()
    {
        // Arrange: the default interval is 60 s, so even one export before the host stops comes from the setting.
        await using var receiver = await OtlpReceiver.StartAsync();
        var host = Build(receiver, ("OTEL_METRIC_EXPORT_INTERVAL", "200"));

        // Act
        await host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var exportsWhileRunning = receiver.Received("metrics").Count;
        await host.StopAsync();
        host.Dispose(); // the SDK flushes what it holds as the host's services are disposed

        // Assert
        exportsWhileRunning.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Should_not_push_metrics_when_the_metrics_exporter_is_none()
    {
        // Arrange: compose sets this, since Prometheus scrapes /metrics there.
        await using var receiver = await OtlpReceiver.StartAsync();
        var host = Build(receiver, ("OTEL_METRICS_EXPORTER", "none"));
        await host.StartAsync();

        // Act
        using (PlatformTelemetry.ActivitySource.StartActivity("metrics-off-probe-span")) { }
        await host.StopAsync();
        host.Dispose(); // the SDK flushes what it holds as the host's services are disposed

        // Assert: traces still go; metrics do not.
        receiver.Received("traces").ShouldNotBeEmpty();
        receiver.Received("metrics").ShouldBeEmpty();
    }

    // Protobuf stores strings as plain UTF-8, so a name can be found in the body without decoding the message.
    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
