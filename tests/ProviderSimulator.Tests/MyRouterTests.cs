using System.Net.Http.Json;

namespace ProviderSimulator.Tests;

public sealed class MyRouterTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient client = fixture.Simulator.Client(SimulatorFixture.MyRouterKey);

    [Fact]
    public async Task Task_runs_from_queued_to_succeed_with_growing_progress_and_a_playable_video()
    {
        using var submit = await ProviderCase.MyRouter.SubmitAsync(client);
        submit.StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await submit.JsonAsync();
        accepted.EnumerateObject().Select(p => p.Name).ShouldBe(["task_id"]);

        var seen = await ProviderCase.MyRouter.QueryUntilTerminalAsync(client, accepted.Text("task_id"));

        seen[0].Text("task.status").ShouldBe("TASK_STATUS_QUEUED");
        seen[0].At("videos").GetArrayLength().ShouldBe(0);
        seen.Select(t => t.At("task.progress_percent").GetInt32()).ShouldBeInOrder(SortDirection.Ascending);
        seen.Select(t => t.At("task.eta").GetInt32()).ShouldBeInOrder(SortDirection.Descending);
        var done = seen[^1];
        done.Text("task.status").ShouldBe("TASK_STATUS_SUCCEED");
        done.Text("task.task_id").ShouldBe(accepted.Text("task_id"));
        done.Text("task.task_type").ShouldBe("kling-v3.0-pro-i2v");
        done.Text("task.reason").ShouldBe("");
        done.At("task.progress_percent").GetInt32().ShouldBe(100);
        done.At("task.eta").GetInt32().ShouldBe(0);
        done.Text("videos.0.video_url_ttl").ShouldBe("86400");
        done.Text("videos.0.video_type").ShouldBe("mp4");
        (await client.GetByteArrayAsync(done.Text("videos.0.video_url"))).ShouldBeMp4();
    }

    [Fact]
    public async Task Multi_prompt_replaces_prompt_and_its_shot_text_can_carry_a_fail_marker()
    {
        var body = new
        {
            image = "https://example.com/a.jpg",
            multi_prompt = new[] { new { prompt = "shot one", duration = 3 }, new { prompt = "shot two [sim:fail]", duration = 2 } },
        };
        using var submit = await client.PostAsJsonAsync("/v3/async/kling-v3.0-pro-i2v", body);
        submit.StatusCode.ShouldBe(HttpStatusCode.OK);

        var done = (await ProviderCase.MyRouter.QueryUntilTerminalAsync(client, (await submit.JsonAsync()).Text("task_id")))[^1];

        done.Text("task.status").ShouldBe("TASK_STATUS_FAILED");
        done.Text("task.reason").ShouldNotBeNullOrWhiteSpace();
        done.At("videos").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Insufficient_balance_is_403_not_enough_balance()
    {
        using var response = await ProviderCase.MyRouter.SubmitAsync(client, "a cat [sim:submit-402]");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var error = await response.JsonAsync();
        error.At("code").GetInt32().ShouldBe(403);
        error.Text("reason").ShouldBe("NOT_ENOUGH_BALANCE");
        error.Text("message").ShouldNotBeNullOrWhiteSpace();
        error.At("metadata").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Theory]
    [InlineData("""{"prompt":"a cat"}""")]
    [InlineData("""{"image":"https://example.com/a.jpg"}""")]
    public async Task Missing_image_or_text_is_a_bad_request(string body)
    {
        using var response = await client.PostAsync("/v3/async/kling-v3.0-pro-i2v",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).Text("reason").ShouldBe("INVALID_REQUEST_BODY");
    }
}
