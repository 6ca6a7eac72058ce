using System.Net;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>
/// A finished task's <c>resources[]</c> may carry a cover or thumbnail beside the video, and the video's type is
/// written several ways: every resource is a result unless its type says it is a picture, so a paid success never
/// ends without a result because of how the type was spelled.
/// </summary>
public sealed class When_a_modellix_task_lists_its_resources
{
    private const string VideoUrl = "https://cdn.modellix.test/clip.mp4";
    private const string PictureUrl = "https://cdn.modellix.test/cover.jpg";

    [Theory]
    [InlineData("video")]
    [InlineData("VIDEO")]
    [InlineData("mp4")]
    [InlineData("video/mp4")]
    [InlineData("video/quicktime")]
    [InlineData("")]
    [InlineData("result")]
    [InlineData(null)]
    public async Task Should_keep_a_resource_whose_type_does_not_say_picture(string? type)
    {
        // Arrange
        var client = Answering(Resource(VideoUrl, type));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Succeeded);
        status.Videos.ShouldHaveSingleItem().Url.ShouldBe(VideoUrl);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("Image")]
    [InlineData("image/jpeg")]
    [InlineData("cover")]
    [InlineData("cover_image")]
    [InlineData("thumbnail")]
    [InlineData("THUMBNAIL")]
    public async Task Should_leave_out_a_picture_listed_beside_the_video(string type)
    {
        // Arrange
        var client = Answering(Resource(PictureUrl, type) + "," + Resource(VideoUrl, "video/mp4"));

        // Act
        var status = await client.GetTaskAsync("task-42", CancellationToken.None);

        // Assert
        status.Videos.ShouldHaveSingleItem().Url.ShouldBe(VideoUrl);
    }

    private static string Resource(string url, string? type) =>
        type is null ? $$"""{"url":"{{url}}"}""" : $$"""{"url":"{{url}}","type":"{{type}}"}""";

    private static IModellixApi Answering(string resources) =>
        ModellixClients.Over(StubHttpHandler.Answering(() => ModellixAnswers.Response(HttpStatusCode.OK, $$$$"""
            {"code":0,"message":"success","data":{"task_id":"task-42","status":"success","completed_at":{{{{ModellixAnswers.CompletedAtMs}}}},
             "result":{"resources":[{{{{resources}}}}]}}}
            """)));
}
