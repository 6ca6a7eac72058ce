using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace VideoPlatform.Integration.Tests.Compose;

/// <summary>
/// What a <c>docker compose up</c> exposes: published ports only on loopback unless <c>BIND_ADDRESS</c> says otherwise,
/// no password or signing key with a default (each comes from .env, which scripts/compose-env.sh writes), Grafana
/// behind a login, and the archiver running as the owner of the archive folder rather than as root.
/// </summary>
public static partial class ComposeExposure
{
    public static IReadOnlyList<string> Problems(ComposeStack stack) =>
        [.. Ports(stack), .. Secrets(stack), .. Grafana(stack), .. Archiver(stack)];

    private static IEnumerable<string> Ports(ComposeStack stack)
    {
        foreach (var service in stack.ServiceNames)
        {
            if (!ComposeStack.Merged(stack.Service(service)).TryGetValue("ports", out var ports))
                continue;
            foreach (var port in ((YamlSequenceNode)ports).Children.Cast<YamlScalarNode>().Select(p => p.Value!))
                if (!LoopbackByDefault().IsMatch(port))
                    yield return $"{service}: port '{port}' is published on every interface (bind it to ${{BIND_ADDRESS:-127.0.0.1}})";
        }
    }

    private static IEnumerable<string> Secrets(ComposeStack stack)
    {
        var text = stack.Text(ComposeStack.ComposeFile);
        foreach (Match defaulted in DefaultedSecret().Matches(text))
            yield return $"{defaulted.Groups["name"].Value} has a default ('{defaulted.Value}'): a secret must come from .env";
        foreach (var service in stack.ServiceNames)
        foreach (var (key, value) in stack.Environment(service))
            if (key.Contains("PASSWORD", StringComparison.Ordinal) && !value.StartsWith("${", StringComparison.Ordinal))
                yield return $"{service}: {key} is written in the file ('{value}'), not taken from .env";
    }

    private static IEnumerable<string> Grafana(ComposeStack stack)
    {
        var grafana = stack.ServiceWithImage("grafana/grafana");
        if (grafana is null)
            yield break;
        var environment = stack.Environment(grafana);
        if (environment.TryGetValue("GF_AUTH_ANONYMOUS_ENABLED", out var anonymous) && anonymous.Equals("true", StringComparison.OrdinalIgnoreCase))
            yield return "grafana: anonymous access is on";
        if (!environment.TryGetValue("GF_SECURITY_ADMIN_PASSWORD", out var admin) || !admin.Contains(":?", StringComparison.Ordinal))
            yield return "grafana: GF_SECURITY_ADMIN_PASSWORD is not required from .env (Grafana's default is admin/admin)";
    }

    private static IEnumerable<string> Archiver(ComposeStack stack)
    {
        var archiver = stack.PlatformServices.FirstOrDefault(s => stack.Project(s) == "Archiver.Service");
        if (archiver is null)
            yield break;
        var user = ComposeStack.Merged(stack.Service(archiver)).TryGetValue("user", out var node) ? ((YamlScalarNode)node).Value : null;
        if (user is null || !user.Contains("ARCHIVE_UID", StringComparison.Ordinal))
            yield return "archiver: no 'user:' from ARCHIVE_UID: the image's user cannot write a ./archive Docker made as root";
    }

    [GeneratedRegex(@"^(\$\{BIND_ADDRESS:-127\.0\.0\.1\}|127\.0\.0\.1):\d+:\d+$")]
    private static partial Regex LoopbackByDefault();

    /// <summary>A variable named like a password or signing key with a non-empty <c>:-</c> or <c>-</c> default (an empty one means none).</summary>
    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]*(PASSWORD|SIGNING_KEY)[A-Z0-9_]*):?-[^}]+\}")]
    private static partial Regex DefaultedSecret();
}
