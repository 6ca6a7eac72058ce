using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests;

public sealed class When_looking_up_a_video_model
{
    private readonly VideoModelCatalog _catalog = new(
    [
        new KlingV3ImageToVideo(new ThrowingModellixApi()),
        new KlingV16MultiImageToVideo(new ThrowingModellixApi()),
        new KlingVideoO1(new ThrowingModellixApi()),
    ]);

    [Theory]
    [InlineData("modellix", "kling-v3-i2v", typeof(KlingV3ImageToVideo))]
    [InlineData("Modellix", "KLING-V1.6-MI2V", typeof(KlingV16MultiImageToVideo))]
    [InlineData("MODELLIX", "Kling-Video-O1", typeof(KlingVideoO1))]
    [InlineData(" modellix ", " kling-video-o1 ", typeof(KlingVideoO1))]
    public void Should_find_the_adapter_whatever_the_case(string provider, string model, Type adapter)
    {
        // Act
        var found = _catalog.Find(provider, model);

        // Assert
        found.ShouldNotBeNull().ShouldBeOfType(adapter);
    }

    [Theory]
    [InlineData("evolink", "kling-v3-i2v")]
    [InlineData("modellix", "kling-v3-image-to-video")]
    [InlineData("modellix", "")]
    [InlineData("", "kling-v3-i2v")]
    [InlineData(null, "kling-v3-i2v")]
    [InlineData("modellix", null)]
    public void Should_return_null_for_an_unknown_provider_or_model(string? provider, string? model)
    {
        // Act
        var found = _catalog.Find(provider, model);

        // Assert
        found.ShouldBeNull();
    }

    [Theory]
    [InlineData("modellix", true)]
    [InlineData("MoDeLLiX", true)]
    [InlineData("myrouter", false)]
    [InlineData(null, false)]
    public void Should_know_a_provider_by_name_whatever_the_case(string? provider, bool known)
    {
        // Act
        var knows = _catalog.KnowsProvider(provider);

        // Assert
        knows.ShouldBe(known);
    }
}
