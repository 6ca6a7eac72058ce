using VideoPlatform.Archiver.Download;
using VideoPlatform.Archiver.Storage;

namespace VideoPlatform.ArchiveBench;

/// <summary>What <c>TaskCompletedConsumer</c> does for one video, without the bus: download, check, commit.</summary>
public sealed class BenchArchiver(VideoDownloader downloader, IVideoStorage storage)
{
    public async Task<StoredVideo> ArchiveAsync(Uri source)
    {
        var requestId = Guid.NewGuid();
        var temporary = storage.TemporaryPath(requestId, 0);
        try
        {
            var result = await downloader.DownloadAsync(source, temporary, CancellationToken.None);
            return storage.Commit(temporary, new VideoSidecar
            {
                RequestId = requestId,
                Index = 0,
                Provider = "bench",
                Model = "bench",
                ProviderTaskId = "bench",
                SourceUrl = source.ToString(),
                SizeBytes = result.SizeBytes,
                Sha256 = result.Sha256,
                Format = result.Format,
                CompletedAt = DateTimeOffset.UtcNow,
                ArchivedAt = DateTimeOffset.UtcNow,
                DownloadSeconds = result.Elapsed.TotalSeconds,
            }, result.Format);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
