using System.Security.Cryptography;
using System.Text.Json;
using ProviderSimulator.Media;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_a_result_video_is_archived(PlatformFixture platform)
{
    [Fact]
    public async Task Should_file_it_by_date_and_request_id_with_a_sidecar_describing_it()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a windmill at dawn"));

        var video = (await platform.Events.WaitForAsync<VideoArchived>(id)).Videos.ShouldHaveSingleItem();
        var completed = platform.Events.All<TaskCompleted>(id).First();
        var day = completed.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd");
        video.Path.ShouldBe(Path.Combine(platform.ArchiveRoot, day, id.ToString(), "video-0.mp4"));
        var stored = await File.ReadAllBytesAsync(video.Path);
        stored.ShouldBe(SampleVideo.Bytes);
        using var sidecar = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(video.Path, ".json")));
        sidecar.RootElement.GetProperty("requestId").GetGuid().ShouldBe(id);
        sidecar.RootElement.GetProperty("sizeBytes").GetInt64().ShouldBe(stored.LongLength);
        sidecar.RootElement.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(stored)));
        sidecar.RootElement.GetProperty("format").GetString().ShouldBe("mp4");
        sidecar.RootElement.GetProperty("sourceUrl").GetString().ShouldBe(completed.Videos.Single().Url);
        Archive.TemporaryFilesOf(platform, id).ShouldBeEmpty();
    }
}

[Collection(PlatformCollection.Name)]
public class When_a_task_has_several_results(PlatformFixture platform)
{
    [Fact]
    public async Task Should_archive_every_one_in_the_providers_order()
    {
        var id = Guid.NewGuid();
        string[] urls = [Large(120_000), Large(250_000), Large(90_000)];

        await platform.Bus.Publish(new TaskCompleted
        {
            RequestId = id,
            Provider = "modellix",
            Model = "kling-v3-i2v",
            ProviderTaskId = $"task-{id:N}",
            Videos = [.. urls.Select(url => new VideoResult { Url = url, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1) })],
            CompletedAt = DateTimeOffset.UtcNow,
        });

        var archived = await platform.Events.WaitForAsync<VideoArchived>(id);
        archived.Videos.Count.ShouldBe(3);
        for (var index = 0; index < urls.Length; index++)
        {
            var video = archived.Videos[index];
            var served = await platform.Simulator.DownloadAsync(urls[index]);
            Path.GetFileName(video.Path).ShouldBe($"video-{index}.mp4");
            video.SourceUrl.ShouldBe(urls[index]);
            video.SizeBytes.ShouldBe(served.LongLength);
            video.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(served)));
            File.Exists(Path.ChangeExtension(video.Path, ".json")).ShouldBeTrue();
        }
    }

    private string Large(long size) => new Uri(new Uri(platform.Simulator.BaseUrl), MediaEndpoints.LargePath(size)).ToString();
}

[Collection(PlatformCollection.Name)]
public class When_the_result_link_serves_a_web_page(PlatformFixture platform)
{
    [Fact]
    public async Task Should_not_archive_it_and_publish_archive_failed()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a broken link [sim:media-html]"));

        var failed = await platform.Events.WaitForAsync<ArchiveFailed>(id);
        failed.ReasonCode.ShouldBe(ArchiveFailureReasons.NotAVideo);
        failed.Reason.ShouldContain("not a video container (Content-Type text/html");
        platform.Events.All<VideoArchived>(id).ShouldBeEmpty();
        Archive.FilesOf(platform, id).ShouldBeEmpty();
    }
}

[Collection(PlatformCollection.Name)]
public class When_the_connection_is_cut_halfway(PlatformFixture platform)
{
    [Fact]
    public async Task Should_resume_with_a_range_request_and_archive_the_whole_video()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a tide pool [sim:media-cut-once]"));

        var video = (await platform.Events.WaitForAsync<VideoArchived>(id)).Videos.ShouldHaveSingleItem();
        var requests = await platform.Simulator.MediaRequestsAsync(video.SourceUrl);
        requests.ShouldBe(["", $"bytes={SampleVideo.Bytes.Length / 2}-"]);
        (await File.ReadAllBytesAsync(video.Path)).ShouldBe(SampleVideo.Bytes);
        video.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(SampleVideo.Bytes)));
    }
}

[Collection(PlatformCollection.Name)]
public class When_the_video_is_over_the_size_limit(PlatformFixture platform)
{
    [Fact]
    public async Task Should_refuse_it_from_its_announced_length_without_downloading_it()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "an epic [sim:media-large]"));

        var failed = await platform.Events.WaitForAsync<ArchiveFailed>(id);
        failed.ReasonCode.ShouldBe(ArchiveFailureReasons.TooLarge);
        failed.Reason.ShouldBe($"video is {5L << 30} bytes, over the {4L << 30}-byte limit");
        failed.SourceUrl.ShouldEndWith(MediaEndpoints.LargePath(5L << 30));
        platform.Events.All<VideoArchived>(id).ShouldBeEmpty();
        Archive.FilesOf(platform, id).ShouldBeEmpty();
        Archive.TemporaryFilesOf(platform, id).ShouldBeEmpty();
    }
}

[Collection(PlatformCollection.Name)]
public class When_the_result_link_redirects_to_an_internal_address(PlatformFixture platform)
{
    [Fact]
    public async Task Should_refuse_the_redirect_without_ever_requesting_it()
    {
        using var outgoing = new OutgoingRequests();
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a crafted link [sim:media-redirect-internal]"));

        var failed = await platform.Events.WaitForAsync<ArchiveFailed>(id);
        failed.ReasonCode.ShouldBe(ArchiveFailureReasons.SourceRefused);
        failed.Reason.ShouldBe($"refused redirect to {MediaEndpoints.InternalTarget}: 169.254.169.254 is a link-local address");
        outgoing.Requested.ShouldContain(new Uri(failed.SourceUrl), "the recorder saw the archiver's request to the simulator");
        outgoing.Requested.ShouldNotContain(u => u.Host == "169.254.169.254");
        outgoing.ConnectedTo.ShouldNotContain(a => a.EndsWith("169.254.169.254"));
        platform.Events.All<VideoArchived>(id).ShouldBeEmpty();
    }
}

[Collection(PlatformCollection.Name)]
public class When_the_result_link_has_expired(PlatformFixture platform)
{
    [Fact]
    public async Task Should_publish_archive_failed_as_link_expired_without_retrying()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "too late [sim:media-expired]"));

        var failed = await platform.Events.WaitForAsync<ArchiveFailed>(id);
        failed.ReasonCode.ShouldBe(ArchiveFailureReasons.LinkExpired);
        failed.Reason.ShouldStartWith("source answered 404 Not Found: the link has probably expired");
        failed.Reason.ShouldContain("the result has expired");
        (await platform.Simulator.MediaRequestsAsync(failed.SourceUrl)).Count.ShouldBe(1);
        platform.Events.All<VideoArchived>(id).ShouldBeEmpty();
    }
}

internal static class Archive
{
    /// <summary>Archived files of a request, whatever their date folder.</summary>
    public static string[] FilesOf(PlatformFixture platform, Guid id) =>
        Directory.Exists(platform.ArchiveRoot)
            ? Directory.GetDirectories(platform.ArchiveRoot, id.ToString(), SearchOption.AllDirectories).SelectMany(Directory.GetFiles).ToArray()
            : [];

    /// <summary>Downloads of a request still under <c>.partial</c>: there must be none once it is settled.</summary>
    public static string[] TemporaryFilesOf(PlatformFixture platform, Guid id)
    {
        var partial = Path.Combine(platform.ArchiveRoot, ".partial");
        return Directory.Exists(partial) ? Directory.GetFiles(partial, $"{id:N}-*") : [];
    }
}
