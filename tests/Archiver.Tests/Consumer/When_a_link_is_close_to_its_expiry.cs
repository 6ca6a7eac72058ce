using Microsoft.Extensions.Logging;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Consumer;

public class When_a_link_is_close_to_its_expiry(Simulator simulator) : IClassFixture<Simulator>
{
    [Fact]
    public async Task Should_raise_a_critical_alarm_and_archive_it_at_once()
    {
        await using var archiver = new ConsumerHarness();
        await archiver.Harness.Start();
        var id = Guid.NewGuid();

        await archiver.Harness.Bus.Publish(Completed(id, DateTimeOffset.UtcNow.AddMinutes(10)));

        (await archiver.Harness.Published.Any<VideoArchived>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        archiver.Logs.Lines.ShouldContain(e => e.Level == LogLevel.Critical && e.Message.Contains($"of {id} from modellix expires at"));
    }

    [Fact]
    public async Task Should_stay_quiet_while_the_link_has_hours_left()
    {
        await using var archiver = new ConsumerHarness();
        await archiver.Harness.Start();
        var id = Guid.NewGuid();

        await archiver.Harness.Bus.Publish(Completed(id, DateTimeOffset.UtcNow.AddHours(23)));

        (await archiver.Harness.Published.Any<VideoArchived>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        archiver.Logs.Lines.ShouldNotContain(e => e.Level == LogLevel.Critical);
    }

    private TaskCompleted Completed(Guid id, DateTimeOffset expiresAt) => new()
    {
        RequestId = id,
        Provider = "modellix",
        Model = "kling-v3-i2v",
        ProviderTaskId = "task-expiring",
        Videos = [new VideoResult { Url = simulator.Large(200_000).ToString(), ExpiresAt = expiresAt }],
        CompletedAt = DateTimeOffset.UtcNow,
    };
}
