using System.Text.Json;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Modellix;

/// <summary>Bodies carry exactly the seeds' field names and JSON types; options left unset are left out.</summary>
public sealed class When_building_a_modellix_request_body
{
    private readonly KlingV3ImageToVideo _v3 = new(new ThrowingModellixApi());
    private readonly KlingV16MultiImageToVideo _mi2v = new(new ThrowingModellixApi());
    private readonly KlingVideoO1 _o1 = new(new ThrowingModellixApi());

    [Fact]
    public void Should_map_every_kling_v3_i2v_field_with_sound_as_on()
    {
        // Arrange
        var options = new VideoOptions
        {
            Image = "https://example.com/keyframe.jpg",
            Prompt = "a cat turns",
            NegativePrompt = "blurry",
            Sound = true,
            CfgScale = 0.7,
            Mode = "pro",
            AspectRatio = "9:16",
            Duration = 12,
        };

        // Act
        var body = _v3.BuildBody(options);

        // Assert
        body.ShouldBeJson("""
            {"image":"https://example.com/keyframe.jpg","prompt":"a cat turns","negative_prompt":"blurry","sound":"on",
             "cfg_scale":0.7,"mode":"pro","aspect_ratio":"9:16","duration":12}
            """);
        body["sound"]!.GetValueKind().ShouldBe(JsonValueKind.String);
        body["cfg_scale"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        body["duration"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public void Should_send_kling_v3_i2v_sound_false_as_off()
    {
        // Arrange
        var options = new VideoOptions { Image = "https://example.com/keyframe.jpg", Prompt = "a cat turns", Sound = false };

        // Act
        var body = _v3.BuildBody(options);

        // Assert
        body.ShouldBeJson("""{"image":"https://example.com/keyframe.jpg","prompt":"a cat turns","sound":"off"}""");
    }

    [Fact]
    public void Should_omit_every_kling_v3_i2v_option_that_is_not_set()
    {
        // Arrange
        var options = new VideoOptions { Image = "https://example.com/keyframe.jpg", Prompt = "a cat turns" };

        // Act
        var body = _v3.BuildBody(options);

        // Assert
        body.ShouldBeJson("""{"image":"https://example.com/keyframe.jpg","prompt":"a cat turns"}""");
    }

    [Fact]
    public void Should_send_the_kling_v16_mi2v_image_list_as_objects_with_an_image_field()
    {
        // Arrange
        var options = new VideoOptions
        {
            ImageList = ["https://example.com/a.jpg", "iVBORw0KGgo="],
            Prompt = "two characters walk",
            NegativePrompt = "low quality",
            Mode = "std",
            Duration = 10,
            AspectRatio = "1:1",
        };

        // Act
        var body = _mi2v.BuildBody(options);

        // Assert
        body.ShouldBeJson("""
            {"image_list":[{"image":"https://example.com/a.jpg"},{"image":"iVBORw0KGgo="}],"prompt":"two characters walk",
             "negative_prompt":"low quality","mode":"std","duration":10,"aspect_ratio":"1:1"}
            """);
        body["duration"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public void Should_omit_every_kling_v16_mi2v_option_that_is_not_set()
    {
        // Arrange
        var options = new VideoOptions { ImageList = ["https://example.com/a.jpg"], Prompt = "a character walks" };

        // Act
        var body = _mi2v.BuildBody(options);

        // Assert
        body.ShouldBeJson("""{"image_list":[{"image":"https://example.com/a.jpg"}],"prompt":"a character walks"}""");
    }

    [Fact]
    public void Should_map_a_kling_video_o1_multi_shot_request_with_images()
    {
        // Arrange
        var options = new VideoOptions
        {
            Prompt = "a sci-fi sequence",
            MultiShot = true,
            ShotType = "intelligence",
            Images = ["https://example.com/a.jpg", "https://example.com/b.jpg"],
            Sound = true,
            Mode = "std",
            AspectRatio = "16:9",
            Duration = 10,
        };

        // Act
        var body = _o1.BuildBody(options);

        // Assert
        body.ShouldBeJson("""
            {"prompt":"a sci-fi sequence","multi_shot":true,"shot_type":"intelligence",
             "images":["https://example.com/a.jpg","https://example.com/b.jpg"],"sound":"on","mode":"std","aspect_ratio":"16:9","duration":10}
            """);
        body["multi_shot"]!.GetValueKind().ShouldBe(JsonValueKind.True);
        body["sound"]!.GetValueKind().ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public void Should_map_a_kling_video_o1_video_request_with_sound_off_and_no_duration()
    {
        // Arrange
        var options = new VideoOptions
        {
            Prompt = "restyle as clay",
            MultiShot = false,
            Videos = ["https://example.com/source.mp4"],
            Sound = false,
        };

        // Act
        var body = _o1.BuildBody(options);

        // Assert
        body.ShouldBeJson("""{"prompt":"restyle as clay","multi_shot":false,"videos":["https://example.com/source.mp4"],"sound":"off"}""");
    }

    [Fact]
    public void Should_omit_every_kling_video_o1_option_that_is_not_set()
    {
        // Arrange
        var options = new VideoOptions { Prompt = "restyle as clay" };

        // Act
        var body = _o1.BuildBody(options);

        // Assert
        body.ShouldBeJson("""{"prompt":"restyle as clay"}""");
    }
}
