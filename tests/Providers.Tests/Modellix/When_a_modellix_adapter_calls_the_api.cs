using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>Each adapter submits its own body to its seed's route and queries through the shared task route.</summary>
public sealed class When_a_modellix_adapter_calls_the_api
{
    public static TheoryData<string, string> Routes => new()
    {
        { "kling-v3-i2v", "/api/v1/kling/kling-v3-i2v/async" },
        { "kling-v1.6-mi2v", "/api/v1/image-to-video/kling/kling-v1.6-mi2v/async" },
        { "kling-video-o1", "/api/v1/kling/kling-video-o1/async" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_submit_the_built_body_to_the_documented_route(string model, string route)
    {
        // Arrange
        var api = new RecordingModellixApi();
        var adapter = Adapter(model, api);
        var options = new VideoOptions { Prompt = "a cat", Image = model == "kling-v3-i2v" ? "https://example.com/a.jpg" : null };
        var requestId = Guid.NewGuid();

        // Act
        var outcome = await adapter.SubmitAsync(requestId, options, CancellationToken.None);

        // Assert
        outcome.ShouldBe(api.SubmitAnswer);
        api.SubmitPath.ShouldBe(route);
        api.RequestId.ShouldBe(requestId);
        api.Body.ShouldBeJson(adapter.BuildBody(options).ToJsonString());
    }

    public static TheoryData<string> Models => ["kling-v3-i2v", "kling-v1.6-mi2v", "kling-video-o1"];

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Should_query_the_task_it_is_given_without_submitting(string model)
    {
        // Arrange
        var api = new RecordingModellixApi();
        var adapter = Adapter(model, api);

        // Act
        var status = await adapter.QueryAsync("task-7", CancellationToken.None);

        // Assert
        status.ShouldBe(api.QueryAnswer);
        api.QueriedTaskId.ShouldBe("task-7");
        api.SubmitPath.ShouldBeNull();
    }

    private static ModellixModel Adapter(string model, IModellixApi api) => model switch
    {
        "kling-v3-i2v" => new KlingV3ImageToVideo(api),
        "kling-v1.6-mi2v" => new KlingV16MultiImageToVideo(api),
        "kling-video-o1" => new KlingVideoO1(api),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };
}
