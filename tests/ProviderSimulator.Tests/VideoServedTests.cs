using System.Net.Http.Headers;
using ProviderSimulator.Media;

namespace ProviderSimulator.Tests;

/// <summary>
/// Each task's video at the configured size (<c>VideoBytes</c>), paced (<c>MediaBytesPerSecond</c>), with the bytes
/// sent per task counted over all downloads: a second whole download shows as twice the size, a resume adds only the rest.
/// </summary>
public sealed class VideoServedTests
{
    private const long Size = 300_000;

    private static Dictionary<string, string?> Video(long size = Size, long bytesPerSecond = 0) => new()
    {
        ["Simulator:VideoBytes"] = size.ToString(),
        ["Simulator:MediaBytesPerSecond"] = bytesPerSecond.ToString(),
    };

    [Fact]
    public async Task Task_video_has_the_configured_size_and_each_byte_sent_is_counted_against_its_request()
    {
        await using var simulator = await RunningSimulator.StartAsync(Video());
        using var client = simulator.Client("any");
        var taskId = await SubmitAsync(client, "req-1");

        var bytes = await client.GetByteArrayAsync($"/media/{taskId}.mp4");

        bytes.Length.ShouldBe((int)Size);
        bytes[..SampleVideo.Bytes.Length].ShouldBe(SampleVideo.Bytes);
        var stats = await simulator.StatsAsync();
        stats.Videos[taskId].ShouldBe(new ProviderSimulator.Tasks.VideoServed("req-1", Size, Size));
        stats.DownloadsInFlight.ShouldBe(0);
    }

    [Fact]
    public async Task Resume_adds_only_the_remainder_and_a_second_whole_download_doubles_the_count()
    {
        await using var simulator = await RunningSimulator.StartAsync(Video());
        using var client = simulator.Client("any");
        var taskId = await SubmitAsync(client, "req-1");
        using var resume = new HttpRequestMessage(HttpMethod.Get, $"/media/{taskId}.mp4");
        resume.Headers.Range = new RangeHeaderValue(100_000, null);

        using (var partial = await client.SendAsync(resume))
        {
            partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
            (await partial.Content.ReadAsByteArrayAsync()).Length.ShouldBe(200_000);
        }
        (await simulator.StatsAsync()).Videos[taskId].BytesServed.ShouldBe(200_000);

        await client.GetByteArrayAsync($"/media/{taskId}.mp4");
        (await simulator.StatsAsync()).Videos[taskId].BytesServed.ShouldBe(200_000 + Size);
    }

    [Fact]
    public async Task Paced_download_takes_its_size_over_the_pace_and_shows_in_flight_meanwhile()
    {
        await using var simulator = await RunningSimulator.StartAsync(Video(bytesPerSecond: 1_000_000));
        using var client = simulator.Client("any");
        var taskId = await SubmitAsync(client, "req-1");

        var started = DateTime.UtcNow;
        using var response = await client.GetAsync($"/media/{taskId}.mp4", HttpCompletionOption.ResponseHeadersRead);
        var during = await simulator.StatsAsync();
        var bytes = await response.Content.ReadAsByteArrayAsync();

        (DateTime.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.25));
        bytes.Length.ShouldBe((int)Size);
        during.DownloadsInFlight.ShouldBe(1);
        during.Videos[taskId].BytesServed.ShouldBeLessThan(Size);
        (await StatsOnceDownloadsEndAsync(simulator)).DownloadsInFlight.ShouldBe(0);
    }

    [Fact]
    public async Task Abandoned_download_counts_what_was_sent_and_leaves_nothing_in_flight()
    {
        const long size = 2_000_000;
        await using var simulator = await RunningSimulator.StartAsync(Video(size, bytesPerSecond: 1_000_000));
        var taskId = await SubmitAsync(simulator.Client("any"), "req-1");

        // No draining of the unread rest on dispose: the connection closes as a killed client's would.
        using (var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = simulator.BaseAddress })
        {
            var response = await client.GetAsync($"/media/{taskId}.mp4", HttpCompletionOption.ResponseHeadersRead);
            await (await response.Content.ReadAsStreamAsync()).ReadExactlyAsync(new byte[10_000]);
            response.Dispose();
        }

        var stats = await StatsOnceDownloadsEndAsync(simulator);
        stats.DownloadsInFlight.ShouldBe(0);
        stats.Videos[taskId].BytesServed.ShouldBeInRange(10_000, size / 2);
    }

    [Fact]
    public async Task Without_a_size_the_task_video_is_the_sample_clip_and_is_counted()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var client = simulator.Client("any");
        var taskId = await SubmitAsync(client, "req-1");

        var bytes = await client.GetByteArrayAsync($"/media/{taskId}.mp4");

        bytes.ShouldBe(SampleVideo.Bytes);
        (await simulator.StatsAsync()).Videos[taskId].ShouldBe(
            new ProviderSimulator.Tasks.VideoServed("req-1", SampleVideo.Bytes.Length, SampleVideo.Bytes.Length));
    }

    /// <summary>The server ends a download a moment after its client has read the last byte or gone.</summary>
    private static async Task<ProviderSimulator.Tasks.SimStats> StatsOnceDownloadsEndAsync(RunningSimulator simulator)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        var stats = await simulator.StatsAsync();
        while (stats.DownloadsInFlight > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            stats = await simulator.StatsAsync();
        }
        return stats;
    }

    private static async Task<string> SubmitAsync(HttpClient client, string requestId)
    {
        using var response = await ProviderCase.Modellix.SubmitAsync(client, requestId: requestId);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return ProviderCase.Modellix.TaskIdOf(await response.JsonAsync());
    }
}
