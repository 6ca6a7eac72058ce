using System.Net.Http.Json;

namespace ProviderSimulator.Tests;

public sealed class ModellixTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient client = fixture.Simulator.Client(SimulatorFixture.ModellixKey);

    [Theory]
    [InlineData("/api/v1/kling/kling-v3-i2v/async", """{"image":"https://example.com/a.jpg","prompt":"a cat"}""", "kling-v3-i2v")]
    [InlineData("/api/v1/image-to-video/kling/kling-v1.6-mi2v/async", """{"image_list":[{"image":"https://example.com/a.jpg"}],"prompt":"a cat"}""", "kling-v1.6-mi2v")]
    [InlineData("/api/v1/kling/kling-video-o1/async", """{"prompt":"a cat"}""", "kling-video-o1")]
    public async Task Each_model_runs_to_success_and_serves_a_playable_video(string path, string body, string model)
    {
        using var submit = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        submit.StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await submit.JsonAsync();
        accepted.At("code").GetInt32().ShouldBe(0);
        accepted.Text("message").ShouldBe("success");
        accepted.Text("data.status").ShouldBe("pending");
        accepted.Text("data.model_id").ShouldBe(model);
        var taskId = accepted.Text("data.task_id");
        accepted.Text("data.get_result.method").ShouldBe("GET");
        accepted.Text("data.get_result.url").ShouldBe(new Uri(fixture.Simulator.BaseAddress, $"/api/v1/tasks/{taskId}").ToString());

        var seen = await ProviderCase.Modellix.QueryUntilTerminalAsync(client, taskId);

        var done = seen[^1].At("data");
        done.Text("status").ShouldBe("success");
        done.Text("task_id").ShouldBe(taskId);
        done.Text("model_id").ShouldBe(model);
        done.Has("error").ShouldBeFalse();
        var video = done.At("result.resources.0");
        video.Text("type").ShouldBe("video");
        video.Text("format").ShouldBe("mp4");
        video.At("width").GetInt32().ShouldBe(320);
        video.At("height").GetInt32().ShouldBe(240);
        (done.At("result_expires_at").GetInt64() - done.At("completed_at").GetInt64()).ShouldBe(24 * 3600 * 1000L);
        (await client.GetByteArrayAsync(video.Text("url"))).ShouldBeMp4();
    }

    [Fact]
    public async Task Result_is_absent_until_success()
    {
        var taskId = await ProviderCase.Modellix.SubmitAcceptedAsync(client);

        var first = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}")).At("data");

        first.Text("status").ShouldBe("pending");
        first.Has("result").ShouldBeFalse();
        first.Has("completed_at").ShouldBeFalse();
    }

    [Fact]
    public async Task Fail_marker_ends_the_task_failed_with_an_error_message()
    {
        var taskId = await ProviderCase.Modellix.SubmitAcceptedAsync(client, "a cat [sim:fail]");

        var done = (await ProviderCase.Modellix.QueryUntilTerminalAsync(client, taskId))[^1].At("data");

        done.Text("status").ShouldBe("failed");
        done.Text("error").ShouldNotBeNullOrWhiteSpace();
        done.Has("result").ShouldBeFalse();
        done.Has("completed_at").ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/v1/kling/kling-v3-i2v/async", """{"prompt":"a cat"}""")]
    [InlineData("/api/v1/kling/kling-v3-i2v/async", """{"image":"https://example.com/a.jpg","prompt":""}""")]
    [InlineData("/api/v1/image-to-video/kling/kling-v1.6-mi2v/async", """{"image_list":[],"prompt":"a cat"}""")]
    [InlineData("/api/v1/kling/kling-video-o1/async", """{"images":["https://example.com/a.jpg"]}""")]
    public async Task Missing_required_field_is_a_bad_request(string path, string body)
    {
        using var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await response.JsonAsync();
        error.At("code").GetInt32().ShouldBe(400);
        error.Text("message").ShouldStartWith("Bad Request: ");
    }

    [Fact]
    public async Task Rate_limit_carries_the_window_reset_as_unix_seconds()
    {
        using var response = await ProviderCase.Modellix.SubmitAsync(client, "a cat [sim:submit-429]");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var reset = long.Parse(response.Headers.GetValues("x-ratelimit-reset").Single());
        reset.ShouldBeInRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2);
        (await response.JsonAsync()).Text("message").ShouldStartWith("Too Many Requests: ");
    }
}
