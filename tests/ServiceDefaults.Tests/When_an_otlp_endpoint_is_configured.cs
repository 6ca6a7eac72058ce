using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Hosting;
using VideoPlatform.ServiceDefaults.Tests.Support;

namespace VideoPlatform.ServiceDefaults.Tests;

public class When_an_otlp_endpoint_is_configured
{
    // Named like the platform's own meters, so it is exported only if the registration takes every VideoPlatform* meter.
    private static readonly Meter ProbeMeter = new("VideoPlatform.Tests.Probe");
    private static readonly Counter<long> ProbeCounter = ProbeMeter.CreateCounter<long>("otlp_probe.ticks");

    [Fact]
    public async Task Should_send_the_services_traces_and_metrics_to_it_when_the_host_ends()
    {
        // Arrange
        await using var receiver = await OtlpReceiver.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "otlp-probe-service" });
        builder.Configuration[TelemetryRegistration.OtlpEndpointKey] = receiver.BaseAddress.ToString();
        builder.AddServiceDefaults();
        var host = builder.Build();
        await host.StartAsync();

        // Act
        using (PlatformTelemetry.ActivitySource.StartActivity("otlp-probe-span"))
            ProbeCounter.Add(3);
        await host.StopAsync();
        host.Dispose(); // the SDK flushes what it holds as the host's services are disposed

        // Assert: nothing was exported on a timer yet (the batch and the periodic reader wait longer), so this is the flush.
        receiver.Received("traces").ShouldContain(body => Contains(body, "otlp-probe-span") && Contains(body, "otlp-probe-service"),
            "no POST /v1/traces carried the span");
        receiver.Received("metrics").ShouldContain(body => Contains(body, "otlp_probe.ticks") && Contains(body, "otlp-probe-service"),
            "no POST /v1/metrics carried the counter");
    }

    // Protobuf stores strings as plain UTF-8, so a name can be found in the body without decoding the message.
    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
