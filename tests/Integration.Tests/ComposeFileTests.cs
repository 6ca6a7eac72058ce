using VideoPlatform.Integration.Tests.Compose;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// docker-compose.yml and what it mounts hold together, checked without a Docker engine: each service reads the settings
/// it is given, traces go services → collector → Jaeger, Prometheus scrapes each service's /metrics and RabbitMQ,
/// Grafana finds its data sources, mounted paths exist and services listen on every interface of their container.
/// Each check is also shown to fail on a file broken on purpose.
/// </summary>
public class When_the_compose_files_are_read
{
    public static TheoryData<string> Checks =>
        [ComposeChecks.Settings, ComposeChecks.Telemetry, ComposeChecks.Scrapes, ComposeChecks.Grafana, ComposeChecks.Mounts, ComposeChecks.Listen];

    [Theory]
    [MemberData(nameof(Checks))]
    public void Should_find_nothing_wrong(string check)
    {
        var stack = ComposeStack.Load();

        var problems = ComposeChecks.Run(check, stack);

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    public static TheoryData<string, string, string, string, string> BrokenFiles => new()
    {
        // check, file, text in it, replaced by, what the break means
        { ComposeChecks.Settings, "docker-compose.yml", "Callbacks__AllowHttp:", "Callbacks__AllowHtp:", "a misspelt key" },
        { ComposeChecks.Settings, "docker-compose.yml", "Archive__Root: /archive", "Archive__Root: /archive\n      Polling__TypicalSeconds: \"5\"", "the poller's section given to the archiver" },
        { ComposeChecks.Settings, "docker-compose.yml", "      Archive__Root: /archive", "      Archive__Root: /archive\n      ConnectionStrings__Postgres: Host=postgres", "a database for the archiver, which has none" },
        { ComposeChecks.Telemetry, "docker-compose.yml", "OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4318", "OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317", "OTLP/HTTP sent to the gRPC port" },
        { ComposeChecks.Telemetry, "docker-compose.yml", "OTEL_METRICS_EXPORTER: none", "OTEL_METRICS_EXPORTER: otlp", "metrics pushed to a collector that takes traces only" },
        { ComposeChecks.Telemetry, "deploy/otel-collector.yaml", "endpoint: jaeger:4317", "endpoint: jaeger:16686", "the collector exporting to Jaeger's UI port" },
        { ComposeChecks.Telemetry, "deploy/otel-collector.yaml", "      exporters: [otlp/jaeger]", "      exporters: [otlp/jaeger]\n    metrics:\n      receivers: [otlp]\n      exporters: [otlp/jaeger]", "a metrics pipeline back in the collector" },
        { ComposeChecks.Scrapes, "deploy/prometheus.yml", "poller:8080", "poller:8081", "a port the poller does not listen on" },
        { ComposeChecks.Scrapes, "deploy/prometheus.yml", "archiver:8080", "otel-collector:8889", "the collector's old metrics port" },
        { ComposeChecks.Scrapes, "deploy/prometheus.yml", "job_name: submitter", "job_name: Submitter.Service", "a job name the dashboards and the check script do not use" },
        { ComposeChecks.Scrapes, "deploy/prometheus.yml", "rabbitmq:15692", "rabbitmq:15672", "RabbitMQ's management port instead of its metrics" },
        { ComposeChecks.Grafana, "deploy/grafana/provisioning/datasources/datasources.yaml", "http://prometheus:9090", "http://prometheus:9091", "Prometheus on a port it does not serve" },
        { ComposeChecks.Grafana, "deploy/grafana/provisioning/datasources/datasources.yaml", "uid: prometheus", "uid: prom", "a uid the dashboard does not name" },
        { ComposeChecks.Grafana, "deploy/grafana/provisioning/datasources/datasources.yaml", "http://jaeger:16686", "http://jaeger:4317", "Jaeger's OTLP port for its query API" },
        { ComposeChecks.Mounts, "docker-compose.yml", "./deploy/prometheus.yml:", "./deploy/prometheus.yaml:", "a mounted file that does not exist" },
        { ComposeChecks.Listen, "docker-compose.yml", "ASPNETCORE_URLS: http://0.0.0.0:8080\n  # Where", "ASPNETCORE_URLS: http://127.0.0.1:8080\n  # Where", "services listening on their own loopback" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Should_report_a_broken_file(string check, string file, string text, string replacement, string meaning)
    {
        var original = File.ReadAllText(Path.Combine(ComposeStack.RepositoryRoot, file));
        original.ShouldContain(text, Case.Sensitive, $"the break '{meaning}' no longer applies to {file}");
        var stack = ComposeStack.Load((path, content) => path == file ? content.Replace(text, replacement, StringComparison.Ordinal) : content);

        var problems = ComposeChecks.Run(check, stack);

        problems.ShouldNotBeEmpty($"{check} did not notice {meaning}");
    }
}
