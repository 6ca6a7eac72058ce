using System.Text.Json;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_a_python_service_publishes_a_request(PlatformFixture platform)
{
    // Debian's interpreter, where python3-pika is installed: the python3 first on PATH may be another one.
    private const string Python = "/usr/bin/python3";
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Python", "generate_video.py");

    [Fact]
    public async Task Should_print_a_playable_archived_video_and_the_status_answer()
    {
        var id = Guid.NewGuid();

        var (exitCode, output, errors) = await RunScriptAsync(id, "kling-v3-i2v");

        exitCode.ShouldBe(0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var status = JsonSerializer.Deserialize<VideoTaskStatus>(lines[^1], JsonSerializerOptions.Web)!;
        status.RequestId.ShouldBe(id);
        status.State.ShouldBe(VideoTaskStates.Completed);
        var archived = await platform.Events.WaitForAsync<VideoArchived>(id);
        lines[..^1].ShouldBe(archived.Videos.Select(v => v.Path));
        (await StreamTypeAsync(lines[0])).ShouldBe("video");
    }

    [Fact]
    public async Task Should_exit_with_the_reason_when_the_request_is_rejected()
    {
        var id = Guid.NewGuid();

        var (exitCode, output, errors) = await RunScriptAsync(id, "no-such-model");

        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        errors.ShouldStartWith("error: GenerateVideoRejected");
        errors.ShouldContain("no-such-model");
    }

    private Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(Guid id, string model) =>
        ExternalProgram.RunAsync(Python, Script,
            "--request-id", id.ToString(), "--provider", "modellix", "--model", model,
            "--prompt", "a paper boat published from python", "--image", "https://example.com/keyframe.jpg",
            "--host", TestInfrastructure.RabbitHost, "--vhost", platform.Infrastructure.VirtualHost,
            "--user", TestInfrastructure.RabbitUser, "--password", TestInfrastructure.RabbitPassword, "--timeout", "60");

    private static async Task<string> StreamTypeAsync(string path)
    {
        var (exitCode, output, errors) = await ExternalProgram.RunAsync("ffprobe",
            "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_type", "-of", "csv=p=0", path);
        exitCode.ShouldBe(0, errors);
        return output.Trim();
    }
}
