using System.Text.Json.Nodes;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Consumer;

public class When_a_task_has_an_estimated_cost(Simulator simulator) : IClassFixture<Simulator>
{
    [Fact]
    public async Task Should_write_the_caller_and_estimate_into_the_sidecar()
    {
        await using var archiver = new ConsumerHarness();
        await archiver.Harness.Start();
        var id = Guid.NewGuid();
        var completedAt = DateTimeOffset.UtcNow;

        await archiver.Harness.Bus.Publish(new TaskCompleted
        {
            RequestId = id,
            Provider = "evolink",
            Model = "kling-v3-image-to-video",
            ProviderTaskId = "task-priced",
            Videos = [new VideoResult { Url = simulator.Large(100_000).ToString() }],
            CompletedAt = completedAt,
            Caller = "acme",
            EstimatedCost = 0.75,
            Currency = "USD",
        });

        (await archiver.Harness.Published.Any<VideoArchived>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        var sidecarPath = Path.Combine(archiver.Root, completedAt.UtcDateTime.ToString("yyyy-MM-dd"), id.ToString("D"), "video-0.json");
        var sidecar = JsonNode.Parse(await File.ReadAllTextAsync(sidecarPath))!;
        ((string?)sidecar["caller"], (double?)sidecar["estimatedCost"], (string?)sidecar["currency"]).ShouldBe(("acme", 0.75, "USD"));
    }
}
