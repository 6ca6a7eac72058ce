using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;
using VideoPlatform.TestSupport;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_a_request_is_published_by_the_shell_script(PlatformFixture platform)
{
    [Fact]
    public async Task Should_be_archived_like_one_published_with_masstransit()
    {
        var id = Guid.NewGuid();

        var (exitCode, output, errors) = await RunScriptAsync(
            "--request-id", id.ToString(), "--provider", "modellix", "--model", "kling-v3-i2v",
            "--prompt", "a paper boat published from bash", "--image", "https://example.com/keyframe.jpg",
            "--vhost", platform.Infrastructure.VirtualHost,
            "--user", TestInfrastructure.RabbitUser, "--password", TestInfrastructure.RabbitPassword);

        exitCode.ShouldBe(0, errors);
        output.Trim().ShouldBe(id.ToString());
        var archived = await platform.Events.WaitForAsync<VideoArchived>(id);
        archived.Provider.ShouldBe("modellix");
    }

    [Fact]
    public async Task Should_fail_with_a_message_when_the_api_refuses_it()
    {
        var id = Guid.NewGuid();

        // A virtual host that does not exist: the management API answers with an error, not a publish.
        var (exitCode, output, errors) = await RunScriptAsync(
            "--request-id", id.ToString(), "--provider", "modellix", "--model", "kling-v3-i2v",
            "--prompt", "nobody listens", "--image", "https://example.com/keyframe.jpg",
            "--vhost", $"{platform.Infrastructure.VirtualHost}-missing",
            "--user", TestInfrastructure.RabbitUser, "--password", TestInfrastructure.RabbitPassword);

        exitCode.ShouldNotBe(0);
        output.ShouldBeEmpty();
        errors.ShouldStartWith("error:");
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(params string[] arguments)
    {
        var script = new List<string> { Path.Combine(RepositoryRoot.Path, "scripts", "publish-generate-video.sh") };
        script.AddRange(arguments);
        if (Environment.GetEnvironmentVariable("RabbitMq__ManagementUrl") is { } api)
            script.AddRange(["--api", api]);
        return ExternalProgram.RunAsync("bash", script);
    }

}
