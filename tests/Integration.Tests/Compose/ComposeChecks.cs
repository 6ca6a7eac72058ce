using System.Text.Json.Nodes;
using VideoPlatform.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace VideoPlatform.Integration.Tests.Compose;

/// <summary>
/// What must hold for <c>docker compose up</c> to show traces in Jaeger and metrics in Grafana. Each check returns the
/// problems it found, one sentence each, naming the file and the value.
/// </summary>
public static class ComposeChecks
{
    public const string Settings = "settings", Telemetry = "telemetry", Scrapes = "scrapes", Grafana = "grafana", Mounts = "mounts", Listen = "listen";

    /// <summary>The scrape jobs of deploy/prometheus.yml, named as scripts/check-dashboards.sh names them.</summary>
    public static readonly string[] ServiceJobs = ["submitter", "poller", "archiver"];

    public const string RabbitMqJob = "rabbitmq";

    private const int OtlpGrpcPort = 4317, OtlpHttpPort = 4318, JaegerUiPort = 16686, PrometheusPort = 9090, RabbitMqMetricsPort = 15692;
    private const string CollectorConfig = "/etc/otelcol-contrib/config.yaml", PrometheusConfig = "/etc/prometheus/prometheus.yml";
    private const string GrafanaProvisioning = "/etc/grafana/provisioning";

    private static readonly string[] AllInterfaces = ["0.0.0.0", "+", "*", "[::]"];

    public static IReadOnlyList<string> Run(string check, ComposeStack stack) => check switch
    {
        Settings => SettingsAreRead(stack).ToList(),
        Telemetry => TracesReachJaeger(stack).ToList(),
        Scrapes => PrometheusScrapesWhatListens(stack).ToList(),
        Grafana => GrafanaFindsItsSources(stack).ToList(),
        Mounts => MountedPathsExist(stack).ToList(),
        Listen => ServicesListenOnAllInterfaces(stack).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, null),
    };

    /// <summary>(a) Every variable a platform service is given is one it reads.</summary>
    private static IEnumerable<string> SettingsAreRead(ComposeStack stack)
    {
        foreach (var service in stack.PlatformServices)
        {
            var source = ProjectSource(stack.Project(service)!);
            foreach (var variable in stack.Environment(service).Keys)
                if (PlatformSettings.WhyUnread(variable, source) is { } why)
                    yield return $"{service}: {variable} is not read by {stack.Project(service)}: {why}";
        }
    }

    /// <summary>(b) Services → the collector's OTLP receiver → Jaeger's OTLP port; metrics are not pushed but scraped.</summary>
    private static IEnumerable<string> TracesReachJaeger(ComposeStack stack)
    {
        var collector = stack.ServiceWithImage("opentelemetry-collector");
        var jaeger = stack.ServiceWithImage("jaeger");
        if (collector is null || jaeger is null)
        {
            yield return "compose has no OpenTelemetry Collector or no Jaeger service";
            yield break;
        }
        var configPath = stack.HostPathOf(collector, CollectorConfig);
        if (configPath is null)
        {
            yield return $"{collector} mounts nothing at {CollectorConfig}";
            yield break;
        }
        var config = stack.Yaml(configPath);
        var protocols = (YamlMappingNode)config["receivers"]["otlp"]["protocols"];

        foreach (var service in stack.PlatformServices)
        {
            var environment = stack.Environment(service);
            if (!environment.TryGetValue(TelemetryRegistration.OtlpEndpointKey, out var endpoint))
            {
                yield return $"{service}: no {TelemetryRegistration.OtlpEndpointKey}, so no traces";
                continue;
            }
            var grpc = environment.GetValueOrDefault(TelemetryRegistration.ProtocolKey) == "grpc";
            var receiver = grpc ? "grpc" : "http";
            var uri = new Uri(endpoint);
            var listening = protocols.Children.TryGetValue(receiver, out var r) ? Port(((YamlMappingNode)r)["endpoint"].ToString()) : null;
            if (uri.Host != collector || uri.Port != listening)
                yield return $"{service}: {TelemetryRegistration.OtlpEndpointKey}={endpoint}, but the collector's OTLP {receiver} receiver is {collector}:{listening?.ToString() ?? "(none)"} ({configPath})";
            if (environment.GetValueOrDefault(TelemetryRegistration.MetricsExporterKey) != "none")
                yield return $"{service}: {TelemetryRegistration.MetricsExporterKey} must be none: Prometheus scrapes /metrics, the collector takes traces only";
        }

        var pipelines = (YamlMappingNode)config["service"]["pipelines"];
        foreach (var name in pipelines.Children.Keys.Select(k => k.ToString()).Where(n => n.Split('/')[0] != "traces"))
            yield return $"{configPath}: pipeline {name}: the collector keeps traces only";
        var exporters = (YamlMappingNode)config["exporters"];
        foreach (var exporter in exporters.Children.Keys.Select(k => k.ToString()).Where(e => !e.StartsWith("otlp", StringComparison.Ordinal)))
            yield return $"{configPath}: exporter {exporter}: only OTLP to Jaeger belongs here";
        var traceExporters = ((YamlSequenceNode)pipelines["traces"]["exporters"]).Children.Select(e => e.ToString()).ToList();
        if (traceExporters.Count == 0)
            yield return $"{configPath}: the traces pipeline exports nowhere";
        foreach (var name in traceExporters)
        {
            var kind = name.Split('/')[0];
            var target = ((YamlMappingNode)exporters[name])["endpoint"].ToString();
            var expectedPort = kind == "otlphttp" ? OtlpHttpPort : OtlpGrpcPort;
            var host = target.Contains("://", StringComparison.Ordinal) ? new Uri(target).Host : target.Split(':')[0];
            if (host != jaeger || Port(target) != expectedPort)
                yield return $"{configPath}: exporter {name} sends to {target}, not Jaeger's OTLP {(kind == "otlphttp" ? "HTTP" : "gRPC")} port {jaeger}:{expectedPort}";
        }
        if (stack.Environment(jaeger).GetValueOrDefault("COLLECTOR_OTLP_ENABLED") == "false")
            yield return $"{jaeger}: COLLECTOR_OTLP_ENABLED=false, so it takes no OTLP";
    }

    /// <summary>(b) Prometheus scrapes each service's /metrics where it listens, and RabbitMQ's plugin.</summary>
    private static IEnumerable<string> PrometheusScrapesWhatListens(ComposeStack stack)
    {
        var prometheus = stack.ServiceWithImage("prom/prometheus");
        var configPath = prometheus is null ? null : stack.HostPathOf(prometheus, PrometheusConfig);
        if (configPath is null)
        {
            yield return $"no Prometheus service with its configuration mounted at {PrometheusConfig}";
            yield break;
        }
        var rabbitmq = stack.ServiceWithImage("rabbitmq");
        var jobs = ((YamlSequenceNode)stack.Yaml(configPath)["scrape_configs"]).Children.Cast<YamlMappingNode>()
            .ToDictionary(j => j["job_name"].ToString());
        foreach (var missing in ServiceJobs.Append(RabbitMqJob).Except(jobs.Keys))
            yield return $"{configPath}: no job {missing}";

        foreach (var (job, config) in jobs)
        {
            var entries = ComposeStack.Merged(config);
            var path = entries.TryGetValue("metrics_path", out var p) ? p.ToString() : "/metrics";
            var targets = ((YamlSequenceNode)config["static_configs"]).Children.Cast<YamlMappingNode>()
                .SelectMany(c => ((YamlSequenceNode)c["targets"]).Children.Select(t => t.ToString())).ToList();
            foreach (var target in targets)
            {
                var host = target.Split(':')[0];
                var port = Port(target);
                if (!stack.HasService(host))
                    yield return $"{configPath}: job {job} scrapes {target}, and compose has no service {host}";
                else if (stack.PlatformServices.Contains(host))
                {
                    if (host != job)
                        yield return $"{configPath}: job {job} scrapes {host}; jobs are named after the service (as scripts/check-dashboards.sh and the dashboards expect)";
                    if (!ListeningPorts(stack, host).Contains(port))
                        yield return $"{configPath}: job {job} scrapes {target}, but {host} listens on {string.Join(", ", ListeningPorts(stack, host))}";
                    if (path != TelemetryRegistration.ScrapePath)
                        yield return $"{configPath}: job {job} scrapes {path}; the services serve {TelemetryRegistration.ScrapePath}";
                }
                else if (host == rabbitmq)
                {
                    if (port != RabbitMqMetricsPort || !path.StartsWith("/metrics", StringComparison.Ordinal))
                        yield return $"{configPath}: job {job} scrapes {target}{path}; RabbitMQ's Prometheus plugin serves :{RabbitMqMetricsPort}/metrics";
                }
                else
                    yield return $"{configPath}: job {job} scrapes {target}, where nothing serves metrics";
            }
        }
    }

    /// <summary>(b) Grafana's data sources point at Prometheus and Jaeger, and every dashboard names a provisioned one.</summary>
    private static IEnumerable<string> GrafanaFindsItsSources(ComposeStack stack)
    {
        var grafana = stack.ServiceWithImage("grafana");
        var provisioning = grafana is null ? null : stack.HostPathOf(grafana, GrafanaProvisioning);
        if (provisioning is null)
        {
            yield return $"no Grafana service with provisioning mounted at {GrafanaProvisioning}";
            yield break;
        }
        var expected = new Dictionary<string, string?>
        {
            ["prometheus"] = stack.ServiceWithImage("prom/prometheus") is { } p ? $"http://{p}:{PrometheusPort}" : null,
            ["jaeger"] = stack.ServiceWithImage("jaeger") is { } j ? $"http://{j}:{JaegerUiPort}" : null,
        };
        var sources = ComposeStack.Files($"{provisioning}/datasources", "*.y*ml")
            .SelectMany(f => ((YamlSequenceNode)stack.Yaml(f)["datasources"]).Children.Cast<YamlMappingNode>().Select(d => (File: f, Source: d)))
            .Select(x => (x.File, Type: x.Source["type"].ToString(), Uid: ComposeStack.Merged(x.Source).GetValueOrDefault("uid")?.ToString(),
                Name: x.Source["name"].ToString(), Url: x.Source["url"].ToString()))
            .ToList();
        foreach (var (type, url) in expected)
        {
            var source = sources.FirstOrDefault(s => s.Type == type);
            if (source.File is null)
                yield return $"{provisioning}/datasources: no {type} data source";
            else if (source.Url.TrimEnd('/') != url)
                yield return $"{source.File}: data source {source.Name} points at {source.Url}, not {url ?? $"a {type} service"}";
        }

        foreach (var dashboard in DashboardFiles(stack, grafana!, provisioning))
            foreach (var reference in DataSourceReferences(stack.Json(dashboard)))
            {
                var known = reference switch
                {
                    JsonObject o => sources.Any(s => s.Uid == o["uid"]?.GetValue<string>() && (o["type"] is null || s.Type == o["type"]!.GetValue<string>())),
                    JsonValue v => sources.Any(s => s.Name == v.GetValue<string>() || s.Uid == v.GetValue<string>()),
                    _ => false,
                };
                if (!known)
                    yield return $"{dashboard}: data source {reference.ToJsonString()} is not provisioned";
            }
    }

    /// <summary>
    /// (c) Every host path a service reads (a read-only mount), and every build context, is in the repository. A writable
    /// mount is where a service writes (./archive): Docker creates it.
    /// </summary>
    private static IEnumerable<string> MountedPathsExist(ComposeStack stack)
    {
        foreach (var service in stack.ServiceNames)
        {
            foreach (var (host, _, readOnly) in stack.Mounts(service))
                if (readOnly && (host.StartsWith('/') || !ComposeStack.Exists(host)))
                    yield return $"{service}: mounts {host}, which is not in the repository";
            if (ComposeStack.Merged(stack.Service(service)).GetValueOrDefault("build") is YamlMappingNode build
                && !ComposeStack.Exists(Path.Combine(build["context"].ToString(), "Dockerfile")))
                yield return $"{service}: no Dockerfile in build context {build["context"]}";
        }
    }

    /// <summary>(d) Inside its container each service listens on every interface, or no other container reaches it.</summary>
    private static IEnumerable<string> ServicesListenOnAllInterfaces(ComposeStack stack)
    {
        foreach (var service in stack.ServiceNames.Where(s => stack.Project(s) is not null))
        {
            var urls = stack.Environment(service).GetValueOrDefault("ASPNETCORE_URLS");
            if (urls is null)
                yield return $"{service}: no ASPNETCORE_URLS, so it listens on its own loopback";
            else
                foreach (var url in urls.Split(';'))
                    if (!AllInterfaces.Contains(Host(url)))
                        yield return $"{service}: ASPNETCORE_URLS={urls} listens on {Host(url)}, not on every interface";
        }
    }

    private static IEnumerable<int?> ListeningPorts(ComposeStack stack, string service) =>
        (stack.Environment(service).GetValueOrDefault("ASPNETCORE_URLS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Port);

    private static IEnumerable<string> DashboardFiles(ComposeStack stack, string grafana, string provisioning) =>
        ComposeStack.Files($"{provisioning}/dashboards", "*.y*ml")
            .SelectMany(f => ((YamlSequenceNode)stack.Yaml(f)["providers"]).Children.Cast<YamlMappingNode>())
            .Select(p => stack.HostPathOf(grafana, p["options"]["path"].ToString()))
            .Where(folder => folder is not null)
            .SelectMany(folder => ComposeStack.Files(folder!, "*.json"));

    private static IEnumerable<JsonNode> DataSourceReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "datasource" && value is not null)
                        yield return value;
                    else
                        foreach (var found in DataSourceReferences(value))
                            yield return found;
                }
                break;
            case JsonArray a:
                foreach (var found in a.SelectMany(DataSourceReferences))
                    yield return found;
                break;
        }
    }

    private static string ProjectSource(string project) =>
        string.Join('\n', Directory.EnumerateFiles(Path.Combine(ComposeStack.RepositoryRoot, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    private static string Host(string url) => url.Split("://").Last().Split('/')[0] is var authority && authority.StartsWith('[')
        ? authority[..(authority.IndexOf(']') + 1)]
        : authority.Split(':')[0];

    private static int? Port(string address) =>
        int.TryParse(address.TrimEnd('/').Split(':').Last(), out var port) ? port : null;
}
