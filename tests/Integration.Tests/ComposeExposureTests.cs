using VideoPlatform.Integration.Tests.Compose;

namespace VideoPlatform.Integration.Tests;

/// <summary>docker compose is safe by default: loopback ports, secrets from .env, a Grafana login, no root archiver.</summary>
public class When_compose_is_started_on_a_shared_machine
{
    [Fact]
    public void Should_expose_nothing_with_a_known_password()
    {
        var problems = ComposeExposure.Problems(ComposeStack.Load());

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Theory]
    [InlineData("${BIND_ADDRESS:-127.0.0.1}:5672:5672", "5672:5672")]
    [InlineData("RABBITMQ_PUBLISHER_PASSWORD:?", "RABBITMQ_PUBLISHER_PASSWORD:-guest")]
    [InlineData("GF_AUTH_ANONYMOUS_ENABLED: \"false\"", "GF_AUTH_ANONYMOUS_ENABLED: \"true\"")]
    [InlineData("user: \"${ARCHIVE_UID", "#user: \"${ARCHIVE_UID")]
    public void Should_see_a_file_broken_on_purpose(string text, string replacement)
    {
        var stack = ComposeStack.Load((path, content) =>
            path == ComposeStack.ComposeFile ? content.Replace(text, replacement, StringComparison.Ordinal) : content);
        ComposeStack.Load().Text(ComposeStack.ComposeFile).ShouldContain(text);

        ComposeExposure.Problems(stack).ShouldNotBeEmpty();
    }
}
