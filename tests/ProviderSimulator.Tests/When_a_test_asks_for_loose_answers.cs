namespace ProviderSimulator.Tests;

/// <summary>
/// Markers that make a provider answer the ways real ones sometimes do, so a client can be shown to cope: numbers
/// as floats or as text, a cover listed beside the video, times in another unit, a failure that is the provider's fault.
/// </summary>
public sealed class When_a_test_asks_for_loose_answers(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Should_write_Modellix_sizes_and_times_as_floats_but_keep_the_code_whole()
    {
        // Arrange
        var api = ProviderCase.Modellix;
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, "a cat [sim:numbers-as-floats]");

        // Act
        var done = (await api.QueryUntilTerminalAsync(client, taskId))[^1];

        // Assert
        done.At("code").GetRawText().ShouldBe("0");
        var video = done.At("data.result.resources.0");
        ShouldBeAFloat(video.At("width"));
        ShouldBeAFloat(video.At("height"));
        ShouldBeAFloat(done.At("data.completed_at"));
        ShouldBeAFloat(done.At("data.result_expires_at"));
    }

    [Fact]
    public async Task Should_write_MyRouter_progress_eta_and_ttl_as_floats()
    {
        // Arrange
        var api = ProviderCase.MyRouter;
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, "a cat [sim:numbers-as-floats]");

        // Act
        var seen = await api.QueryUntilTerminalAsync(client, taskId);

        // Assert
        foreach (var answer in seen)
        {
            ShouldBeAFloat(answer.At("task.eta"));
            ShouldBeAFloat(answer.At("task.progress_percent"));
        }
        ShouldBeAFloat(seen[^1].At("videos.0.video_url_ttl"));
    }

    [Fact]
    public async Task Should_write_EvoLink_progress_times_estimate_and_credits_as_floats()
    {
        // Arrange
        var api = ProviderCase.EvoLink;
        using var client = fixture.Simulator.Client(api.ApiKey);
        using var submitted = await api.SubmitAsync(client, "a cat [sim:numbers-as-floats]");
        var accepted = await submitted.JsonAsync();

        // Act
        var done = (await api.QueryUntilTerminalAsync(client, accepted.Text("id")))[^1];

        // Assert
        foreach (var answer in new[] { accepted, done })
        {
            ShouldBeAFloat(answer.At("created"));
            ShouldBeAFloat(answer.At("progress"));
            ShouldBeAFloat(answer.At("task_info.estimated_time"));
            ShouldBeAFloat(answer.At("usage.credits_reserved"));
        }
    }

    [Theory]
    [InlineData("Modellix", "data.result.resources.0.width")]
    [InlineData("Modellix", "data.completed_at")]
    [InlineData("MyRouter", "task.progress_percent")]
    [InlineData("EvoLink", "progress")]
    [InlineData("EvoLink", "usage.credits_reserved")]
    public async Task Should_write_numbers_as_text_when_asked(string provider, string path)
    {
        // Arrange
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, "a cat [sim:numbers-as-text]");

        // Act
        var done = (await api.QueryUntilTerminalAsync(client, taskId))[^1];

        // Assert
        var number = done.At(path);
        number.ValueKind.ShouldBe(JsonValueKind.String);
        long.TryParse(number.GetString(), out _).ShouldBeTrue(number.GetString());
    }

    [Fact]
    public async Task Should_list_a_cover_before_a_video_typed_as_its_mime_type_when_asked()
    {
        // Arrange
        var api = ProviderCase.Modellix;
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, "a cat [sim:resources-mixed]");

        // Act
        var done = (await api.QueryUntilTerminalAsync(client, taskId))[^1];

        // Assert
        var resources = done.At("data.result.resources").EnumerateArray().ToList();
        resources.Count.ShouldBe(2);
        resources[0].Text("type").ShouldBe("cover");
        resources[1].Text("type").ShouldBe("video/mp4");
        (await client.GetByteArrayAsync(resources[1].Text("url"))).ShouldBeMp4();
    }

    [Fact]
    public async Task Should_give_Modellix_completed_at_in_seconds_and_no_expiry_when_asked()
    {
        // Arrange
        var api = ProviderCase.Modellix;
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, "a cat [sim:times-in-seconds]");

        // Act
        var done = (await api.QueryUntilTerminalAsync(client, taskId))[^1];

        // Assert
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        done.At("data.completed_at").GetInt64().ShouldBeInRange(now - 30, now);
        var hasExpiry = done.At("data").TryGetProperty("result_expires_at", out var expiry) && expiry.ValueKind != JsonValueKind.Null;
        hasExpiry.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Modellix", "data.error")]
    [InlineData("MyRouter", "task.reason")]
    [InlineData("EvoLink", "error.message")]
    public async Task Should_end_failed_for_a_reason_on_the_providers_side_when_asked(string provider, string reasonPath)
    {
        // Arrange
        var api = ProviderCase.Named(provider);
        using var client = fixture.Simulator.Client(api.ApiKey);
        var taskId = await api.SubmitAcceptedAsync(client, "a cat [sim:fail-server-side]");

        // Act
        var done = (await api.QueryUntilTerminalAsync(client, taskId))[^1];

        // Assert
        api.StatusOf(done).ShouldBe(api.Failed);
        done.Text(reasonPath).ShouldNotContain("moderation");
        done.Text(reasonPath).ShouldNotContain("policy");
        if (provider == "EvoLink")
            done.Text("error.code").ShouldBe("service_error");
    }

    private static void ShouldBeAFloat(JsonElement number)
    {
        number.ValueKind.ShouldBe(JsonValueKind.Number);
        number.GetRawText().ShouldContain(".");
    }
}
