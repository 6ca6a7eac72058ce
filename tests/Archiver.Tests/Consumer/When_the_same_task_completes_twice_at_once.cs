using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Tests.Consumer;

/// <summary>
/// A task announced complete twice (a callback and a recheck both saw it finish) must cost one download: the second
/// delivery waits for the first and then announces what it stored.
/// </summary>
public class When_the_same_task_completes_twice_at_once
{
    private const int Length = 1_000_000;

    [Fact]
    public async Task Should_download_the_video_once_and_announce_it_to_both()
    {
        await using var source = await SlowSourceAsync();
        await using var archiver = new ConsumerHarness();
        await StartAsync(archiver);
        var task = Completed(source);

        await Task.WhenAll(archiver.Harness.Bus.Publish(task), archiver.Harness.Bus.Publish(task));

        var announced = await Archived(archiver, task.RequestId, expected: 2);
        announced.Length.ShouldBe(2);
        announced.Select(a => a.Videos.Single().Path).Distinct().ShouldHaveSingleItem();
        source.Requests.Count.ShouldBe(1, "the source served the video once");
    }

    [Fact]
    public async Task Should_download_it_once_across_two_archivers_sharing_the_archive_folder()
    {
        await using var source = await SlowSourceAsync();
        await using var first = new ConsumerHarness();
        await using var second = new ConsumerHarness(sharedRoot: first.Root);
        await StartAsync(first, second);
        var task = Completed(source);

        await Task.WhenAll(first.Harness.Bus.Publish(task), second.Harness.Bus.Publish(task));

        await Archived(first, task.RequestId, expected: 1);
        await Archived(second, task.RequestId, expected: 1);
        // Room for a second announcement that should not come.
        (await AnnouncedWithin(first, task.RequestId, TimeSpan.FromSeconds(0.5))).ShouldBe(1);
        (await AnnouncedWithin(second, task.RequestId, TimeSpan.FromSeconds(0.5))).ShouldBe(1);
        source.Requests.Count.ShouldBe(1, "the source served the video once");
        Directory.EnumerateFiles(first.Root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    /// <summary>About a second per download: long enough for the two deliveries to overlap.</summary>
    private static Task<ScriptedServer> SlowSourceAsync() =>
        ScriptedServer.StartAsync((context, _) => TestVideo.ServeSlowlyAsync(context, Length, pieces: 10, TimeSpan.FromMilliseconds(100)));

    /// <summary>
    /// A delivery waiting for the other archiver's download shows no bus activity, so the harness's inactivity timeout
    /// (which would end a wait for announcements early on a loaded machine) is set past any download here.
    /// </summary>
    private static Task StartAsync(params ConsumerHarness[] archivers)
    {
        foreach (var archiver in archivers)
            archiver.Harness.TestInactivityTimeout = TimeSpan.FromSeconds(30);
        return Task.WhenAll(archivers.Select(a => a.Harness.Start()));
    }

    /// <summary>Waits for the expected announcements, and no longer.</summary>
    private static async Task<VideoArchived[]> Archived(ConsumerHarness archiver, Guid requestId, int expected)
    {
        var announced = await archiver.Harness.Published.SelectAsync<VideoArchived>(m => m.Context.Message.RequestId == requestId)
            .Select(m => m.Context.Message).Take(expected).ToArrayAsync();
        announced.Length.ShouldBe(expected);
        return announced;
    }

    private static async Task<int> AnnouncedWithin(ConsumerHarness archiver, Guid requestId, TimeSpan wait)
    {
        using var stop = new CancellationTokenSource(wait);
        var count = 0;
        try
        {
            await foreach (var _ in archiver.Harness.Published.SelectAsync<VideoArchived>(m => m.Context.Message.RequestId == requestId, stop.Token))
                count++;
        }
        catch (OperationCanceledException)
        {
        }
        return count;
    }

    private static TaskCompleted Completed(ScriptedServer source) => new()
    {
        RequestId = Guid.NewGuid(),
        Provider = "evolink",
        Model = "veo-3",
        ProviderTaskId = "task-twice",
        Videos = [new VideoResult { Url = source.Url("/media/task-twice.mp4").ToString() }],
        CompletedAt = DateTimeOffset.UtcNow,
    };
}
