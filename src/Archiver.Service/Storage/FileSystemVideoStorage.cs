using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VideoPlatform.Archiver.Storage;

/// <summary>
/// Layout <c>{root}/{yyyy-MM-dd}/{requestId}/video-{index}.{ext}</c> plus <c>.json</c> sidecar. Every name comes
/// from our own ids, never from the URL or provider text, so nothing can escape the root.
/// </summary>
public sealed class FileSystemVideoStorage(IOptions<ArchiveOptions> options) : IVideoStorage
{
    private static readonly JsonSerializerOptions SidecarJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string Root => Path.GetFullPath(options.Value.Root);

    private string TemporaryFolder => Path.Combine(Root, ".partial");

    /// <summary>Apart from the partial downloads, so that whoever counts those (the crash test) never counts a claim.</summary>
    private string ClaimFolder => Path.Combine(Root, ".claims");

    public StoredVideo? Find(Guid requestId, DateTimeOffset completedAt, int index)
    {
        var sidecarPath = SidecarPath(requestId, completedAt, index);
        if (!File.Exists(sidecarPath))
            return null;
        var sidecar = JsonSerializer.Deserialize<VideoSidecar>(File.ReadAllText(sidecarPath), SidecarJson);
        if (sidecar is null)
            return null;
        var videoPath = Path.ChangeExtension(sidecarPath, sidecar.Format);
        return File.Exists(videoPath) && new FileInfo(videoPath).Length == sidecar.SizeBytes ? new StoredVideo(videoPath, sidecar) : null;
    }

    public IDisposable? TryClaim(Guid requestId)
    {
        Directory.CreateDirectory(ClaimFolder);
        return RequestClaim.TryTake(ClaimFolder, requestId);
    }

    public int DeleteUnusedClaims(DateTimeOffset usedBefore) =>
        Directory.Exists(ClaimFolder) ? RequestClaim.DeleteUnused(ClaimFolder, usedBefore) : 0;

    public string TemporaryPath(Guid requestId, int index)
    {
        var folder = TemporaryFolder;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{requestId:N}-{index}.part");
    }

    public int DeleteAbandonedTemporaries(DateTimeOffset writtenBefore)
    {
        if (!Directory.Exists(TemporaryFolder))
            return 0;
        var deleted = 0;
        foreach (var file in new DirectoryInfo(TemporaryFolder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc >= writtenBefore.UtcDateTime)
                continue;
            try
            {
                file.Delete();
                deleted++;
            }
            catch (IOException)
            {
                // Gone already (another instance swept it) or still held: the next sweep sees it again.
            }
        }
        return deleted;
    }

    public StoredVideo Commit(string temporaryPath, VideoSidecar sidecar, string extension)
    {
        var sidecarPath = SidecarPath(sidecar.RequestId, sidecar.CompletedAt, sidecar.Index);
        Directory.CreateDirectory(Path.GetDirectoryName(sidecarPath)!);
        var videoPath = Path.ChangeExtension(sidecarPath, extension);
        // The video is moved into place first and the sidecar written last: a sidecar means a complete video.
        File.Move(temporaryPath, videoPath, overwrite: true);
        // A name of its own, so a second commit of the same video can never move this one's file away from under it.
        var sidecarTemp = $"{sidecarPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(sidecarTemp, JsonSerializer.Serialize(sidecar, SidecarJson));
            File.Move(sidecarTemp, sidecarPath, overwrite: true);
        }
        finally
        {
            File.Delete(sidecarTemp);
        }
        return new StoredVideo(videoPath, sidecar);
    }

    private string SidecarPath(Guid requestId, DateTimeOffset completedAt, int index) =>
        Path.Combine(Root, completedAt.UtcDateTime.ToString("yyyy-MM-dd"), requestId.ToString("D"), $"video-{index}.json");
}
