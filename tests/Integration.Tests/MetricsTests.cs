using ProviderSimulator.Media;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(TracedPlatformCollection.Name)]
public class When_requests_run_through_the_platform(TracedPlatformFixture platform)
{
    private static readonly (string, object)[] KlingV3 = [("video.provider", "modellix"), ("video.model", "kling-v3-i2v")];

    [Fact]
    public async Task Should_record_the_metrics_the_dashboard_reads()
    {
        // Arrange: one request whose first status query fails with a 500, one the rules reject.
        using var measurements = new RecordedMeasurements();
        var archived = Guid.NewGuid();
        var rejected = Guid.NewGuid();
        var tooLong = Requests.KlingV3(rejected, "too long a clip");

        // Act
        await platform.Bus.Publish(Requests.KlingV3(archived, "a kite over the dunes [sim:query-500-once]"));
        await platform.Bus.Publish(tooLong with { Options = tooLong.Options with { Duration = 20 } });
        await platform.Events.WaitForAsync<VideoArchived>(archived);
        await platform.Events.WaitForAsync<GenerateVideoRejected>(rejected);
        measurements.Observe();

        // Assert: outcomes and rejections by rule.
        measurements.Of("video.requests", [.. KlingV3, ("video.outcome", "completed")]).ShouldNotBeEmpty();
        measurements.Of("video.requests", [.. KlingV3, ("video.outcome", "rejected")]).ShouldNotBeEmpty();
        measurements.Of("video.rejections", [.. KlingV3, ("video.field", "duration"), ("video.rule", "range")]).ShouldNotBeEmpty();

        // Time to terminal state, and at least two status queries for a task whose first query failed.
        measurements.Of("video.time_to_terminal", [.. KlingV3, ("video.outcome", "completed")]).ShouldContain(s => s > 0);
        measurements.Of("video.task.rechecks", [.. KlingV3, ("video.outcome", "completed")]).ShouldContain(r => r >= 2);

        // Provider calls by status code.
        measurements.Of("video.provider.calls", ("video.provider", "modellix"), ("video.operation", "submit"), ("http.response.status_code", 200)).ShouldNotBeEmpty();
        measurements.Of("video.provider.calls", ("video.provider", "modellix"), ("video.operation", "query"), ("http.response.status_code", 500)).ShouldNotBeEmpty();
        measurements.Of("video.provider.call.duration", ("video.provider", "modellix"), ("video.operation", "query")).ShouldNotBeEmpty();

        // The archive: bytes, duration, time to archive, link lifetime left (the simulator's links live 24 h).
        measurements.Of("video.archive.size", KlingV3).ShouldContain(SampleVideo.Bytes.Length);
        measurements.Of("video.archive.duration", KlingV3).ShouldNotBeEmpty();
        measurements.Of("video.time_to_archive", KlingV3).ShouldContain(s => s >= 0);
        measurements.Of("video.archive.link_lifetime_left", KlingV3).ShouldContain(s => s > TimeSpan.FromHours(23).TotalSeconds);

        // Tasks in flight, read from the saga table: both open states are always reported, zero or not.
        measurements.Of("video.tasks.in_flight", ("video.state", "pending")).ShouldNotBeEmpty();
        measurements.Of("video.tasks.in_flight", ("video.state", "processing")).ShouldNotBeEmpty();
    }
}
