using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace ProviderSimulator.Tests;

/// <summary>
/// The platform's EvoLink adapter against the simulator: <c>elementIds</c> and <c>watermark</c> reach seed 004's
/// <c>model_params</c> as Kling's <c>element_list</c> and <c>watermark_info</c>, in shapes the simulator takes.
/// </summary>
public sealed class When_the_EvoLink_adapter_sends_elements_and_a_watermark(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedProviders providers = new(fixture.Simulator);

    [Fact]
    public async Task Should_have_them_accepted_and_find_them_in_model_params()
    {
        // Arrange
        var options = new VideoOptions
        {
            Image = "https://example.com/keyframe.jpg",
            Prompt = "<<<element_1>>> waves",
            ElementIds = ["829836802793406551"],
            Watermark = true,
        };

        // Act
        var outcome = await providers.Of("EvoLink").SubmitAsync(Guid.NewGuid(), options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted, outcome.Message);
        var modelParams = (await fixture.Simulator.SubmittedBodyAsync(outcome.ProviderTaskId!)).At("model_params");
        modelParams.EnumerateObject().Select(p => p.Name).ShouldBe(["element_list", "watermark_info"], ignoreOrder: true);
        modelParams.At("element_list.0.element_id").GetRawText().ShouldBe("829836802793406551");
        modelParams.At("watermark_info.enabled").GetBoolean().ShouldBeTrue();
    }

    public void Dispose() => providers.Dispose();
}
