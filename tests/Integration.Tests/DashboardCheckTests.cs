using System.Text.RegularExpressions;
using VideoPlatform.Integration.Tests.Compose;
using VideoPlatform.Integration.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// The Grafana dashboards' queries, run by scripts/check-dashboards.sh on a real Prometheus that scrapes the services
/// and RabbitMQ after a workload: none refused, none without data unless the script lists it as possibly empty.
/// </summary>
public partial class When_the_dashboards_are_checked_on_prometheus
{
    private static readonly string Script = Path.Combine(ComposeStack.RepositoryRoot, "scripts", "check-dashboards.sh");

    [Fact(Timeout = 300_000)]
    public async Task Should_find_every_query_accepted_and_every_panel_with_data()
    {
        var (exitCode, output, errors) = await ExternalProgram.RunAsync("bash", Script);

        exitCode.ShouldBe(0, $"{output}\n{string.Join('\n', errors.Split('\n').TakeLast(40))}");
        output.Split('\n').ShouldNotContain(line => line.StartsWith("ERROR", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_scrape_under_the_job_names_compose_uses()
    {
        var compose = ((YamlSequenceNode)ComposeStack.Load().Yaml("deploy/prometheus.yml")["scrape_configs"]).Children
            .Select(job => job["job_name"].ToString());

        var script = JobName().Matches(File.ReadAllText(Script)).Select(m => m.Groups[1].Value);

        script.ShouldBe(compose, ignoreOrder: true);
    }

    [GeneratedRegex(@"job_name: (\S+)")]
    private static partial Regex JobName();
}
