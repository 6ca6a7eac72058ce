using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Storage;

namespace VideoPlatform.Archiver.Tests.Storage;

/// <summary>
/// The claim keeps two downloads of one request apart, but a commit must not depend on it: two commits of the same
/// video racing each other both succeed and leave one complete video and sidecar.
/// </summary>
public sealed class When_two_commits_of_one_video_overlap : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"commit-test-{Guid.NewGuid():N}");
    private readonly FileSystemVideoStorage storage;

    public When_two_commits_of_one_video_overlap() => storage = new FileSystemVideoStorage(Options.Create(new ArchiveOptions { Root = root }));

    [Fact]
    public async Task Should_both_succeed_and_leave_a_sidecar_that_describes_the_video()
    {
        for (var round = 0; round < 50; round++)
        {
            var sidecar = Sidecar(Guid.NewGuid());
            using var start = new Barrier(2);
            var commits = Enumerable.Range(0, 2).Select(_ => Partial(sidecar.RequestId)).ToArray()
                .Select(partial => Task.Run(() =>
                {
                    start.SignalAndWait();
                    return storage.Commit(partial, sidecar, "mp4");
                }));

            await Task.WhenAll(commits);

            storage.Find(sidecar.RequestId, sidecar.CompletedAt, 0).ShouldNotBeNull();
        }
        Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }

    /// <summary>A file of its own for each commit: two downloads of one request share a temporary path only one at a time.</summary>
    private string Partial(Guid requestId)
    {
        var path = Path.Combine(Path.GetDirectoryName(storage.TemporaryPath(requestId, 0))!, $"{Guid.NewGuid():N}.part");
        File.WriteAllBytes(path, [1, 2, 3]);
        return path;
    }

    private static VideoSidecar Sidecar(Guid requestId) => new()
    {
        RequestId = requestId, Index = 0, Provider = "p", Model = "m", ProviderTaskId = "t", SourceUrl = "https://x/v.mp4",
        SizeBytes = 3, Sha256 = "00", Format = "mp4", CompletedAt = DateTimeOffset.UtcNow, ArchivedAt = DateTimeOffset.UtcNow, DownloadSeconds = 0,
    };
}
