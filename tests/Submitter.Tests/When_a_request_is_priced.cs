using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Pricing;

namespace VideoPlatform.Submitter.Tests;

/// <summary>The estimate from the price table: seconds times the price per second (by resolution), plus per request.</summary>
public class When_a_request_is_priced
{
    private static readonly CostEstimator Estimator = new(Options.Create(new PricingOptions
    {
        Currency = "EUR",
        Models =
        {
            ["evolink/kling-v3-image-to-video"] = new ModelPrice { PerSecond = 0.10m, PerResolution = { ["1080p"] = 0.15m } },
            ["modellix/kling-v1.6-mi2v"] = new ModelPrice { PerRequest = 0.35m },
            ["myrouter/kling-v3.0-pro-i2v"] = new ModelPrice { PerSecond = 0.08m, PerRequest = 0.02m, DefaultSeconds = 5 },
        },
    }));

    [Fact]
    public void Should_charge_the_price_per_second_for_the_duration()
    {
        var estimate = Estimator.Estimate("evolink", "kling-v3-image-to-video", new VideoOptions { Duration = 8 });

        estimate.ShouldBe(new CostEstimate(0.80m, "EUR"));
    }

    [Fact]
    public void Should_use_the_price_of_the_requested_resolution_where_it_differs()
    {
        Estimator.Estimate("evolink", "kling-v3-image-to-video", new VideoOptions { Duration = 10, Resolution = "1080p" })!.Amount.ShouldBe(1.50m);
        Estimator.Estimate("evolink", "kling-v3-image-to-video", new VideoOptions { Duration = 10, Resolution = "720p" })!.Amount.ShouldBe(1.00m);
    }

    [Fact]
    public void Should_charge_a_flat_price_per_request_alone_or_on_top()
    {
        Estimator.Estimate("modellix", "kling-v1.6-mi2v", new VideoOptions { Duration = 10 })!.Amount.ShouldBe(0.35m);
        Estimator.Estimate("myrouter", "kling-v3.0-pro-i2v", new VideoOptions { Duration = 10 })!.Amount.ShouldBe(0.82m);
    }

    [Fact]
    public void Should_assume_the_models_default_length_when_none_is_named()
    {
        Estimator.Estimate("myrouter", "kling-v3.0-pro-i2v", new VideoOptions())!.Amount.ShouldBe(0.42m);
    }

    [Fact]
    public void Should_add_up_the_shots_of_a_multi_shot_request()
    {
        var shots = new VideoOptions { MultiPrompt = [new PromptShot { Prompt = "a", Duration = 3 }, new PromptShot { Prompt = "b", Duration = 4 }] };

        Estimator.Estimate("evolink", "kling-v3-image-to-video", shots)!.Amount.ShouldBe(0.70m);
    }

    [Fact]
    public void Should_give_no_estimate_for_a_model_without_a_price()
    {
        Estimator.Estimate("modellix", "kling-v3-i2v", new VideoOptions { Duration = 5 }).ShouldBeNull();
    }

    [Fact]
    public void Should_match_the_endpoint_whatever_its_case()
    {
        Estimator.Estimate("EvoLink", "Kling-V3-Image-To-Video", new VideoOptions { Duration = 1 })!.Amount.ShouldBe(0.10m);
    }
}
