using System.Net.Http.Json;

namespace ProviderSimulator.Tests;

public sealed class EvoLinkTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient client = fixture.Simulator.Client(SimulatorFixture.EvoLinkKey);

    [Fact]
    public async Task Task_runs_to_completed_and_serves_a_playable_video()
    {
        var body = new { model = "kling-v3-image-to-video", image_start = "https://example.com/a.jpg", prompt = "a cat", duration = 7 };
        using var submit = await client.PostAsJsonAsync("/v1/videos/generations", body);

        submit.StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await submit.JsonAsync();
        accepted.Text("id").ShouldMatch(@"^task-unified-\d{10}-[a-z0-9]{8}$");
        accepted.Text("model").ShouldBe("kling-v3-image-to-video");
        accepted.Text("object").ShouldBe("video.generation.task");
        accepted.Text("status").ShouldBe("pending");
        accepted.At("progress").GetInt32().ShouldBe(0);
        accepted.At("created").GetInt64().ShouldBeInRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        accepted.At("task_info.can_cancel").GetBoolean().ShouldBeTrue();
        accepted.At("task_info.estimated_time").GetInt32().ShouldBe(1); // 0.5 s configured, rounded up
        accepted.Text("usage.billing_rule").ShouldBe("per_second");
        accepted.At("usage.credits_reserved").GetInt32().ShouldBe(7);
        accepted.Text("usage.user_group").ShouldBe("default");
        accepted.Has("results").ShouldBeFalse();

        var seen = await ProviderCase.EvoLink.QueryUntilTerminalAsync(client, accepted.Text("id"));

        seen.Select(t => t.At("progress").GetInt32()).ShouldBeInOrder(SortDirection.Ascending);
        var done = seen[^1];
        done.Text("status").ShouldBe("completed");
        done.At("progress").GetInt32().ShouldBe(100);
        done.Has("error").ShouldBeFalse();
        (await client.GetByteArrayAsync(done.Text("results.0"))).ShouldBeMp4();
    }

    [Fact]
    public async Task Fail_marker_ends_the_task_failed_with_a_content_policy_code()
    {
        var taskId = await ProviderCase.EvoLink.SubmitAcceptedAsync(client, "a cat [sim:fail]");

        var done = (await ProviderCase.EvoLink.QueryUntilTerminalAsync(client, taskId))[^1];

        done.Text("status").ShouldBe("failed");
        done.Text("error.code").ShouldBe("content_policy_violation");
        done.Text("error.message").ShouldNotBeNullOrWhiteSpace();
        done.Has("results").ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"image_start":"https://example.com/a.jpg","prompt":"a cat"}""")]
    [InlineData("""{"model":"kling-v2-image-to-video","image_start":"https://example.com/a.jpg","prompt":"a cat"}""")]
    [InlineData("""{"model":"kling-v3-image-to-video","prompt":"a cat"}""")]
    public async Task Missing_model_or_first_frame_is_a_bad_request(string body)
    {
        using var response = await client.PostAsync("/v1/videos/generations",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.JsonAsync()).At("error");
        error.At("code").GetInt32().ShouldBe(400);
        error.Text("type").ShouldBe("invalid_request_error");
        error.Has("param").ShouldBeTrue();
        error.Has("fallback_suggestion").ShouldBeTrue();
    }

    [Fact]
    public async Task Unknown_task_is_404_not_found_or_expired()
    {
        using var response = await client.GetAsync("/v1/tasks/task-unified-0-nosuchid");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.JsonAsync()).Text("error.message").ShouldBe("Task not found or expired");
    }
}
