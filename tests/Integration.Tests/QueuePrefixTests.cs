using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// Generic queue names (<c>check-task-status</c>, <c>generate-video</c>) would collide with other MassTransit services in one
/// virtual host; with a prefix every queue the platform declares carries it, and requests still run end to end.
/// </summary>
public class When_the_queues_carry_a_prefix : IClassFixture<PrefixedPlatformFixture>
{
    private readonly PrefixedPlatformFixture _platform;

    public When_the_queues_carry_a_prefix(PrefixedPlatformFixture platform) => _platform = platform;

    [Fact]
    public async Task Should_declare_only_prefixed_queues_and_still_archive()
    {
        // Arrange
        var id = Guid.NewGuid();

        // Act
        await _platform.Bus.Publish(Requests.KlingV3(id, "a tram at dusk"));
        await _platform.Events.WaitForAsync<VideoArchived>(id);
        var queues = await _platform.Infrastructure.DurableQueuesAsync();

        // Assert
        queues.ShouldContain($"{PrefixedPlatformFixture.Prefix}-generate-video");
        queues.ShouldContain($"{PrefixedPlatformFixture.Prefix}-video-task-state");
        queues.ShouldContain($"{PrefixedPlatformFixture.Prefix}-check-task-status");
        queues.ShouldAllBe(q => q.StartsWith(PrefixedPlatformFixture.Prefix + "-"), string.Join(", ", queues));
    }
}
